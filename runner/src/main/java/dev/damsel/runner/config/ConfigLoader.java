package dev.damsel.runner.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.damsel.api.ConfigException;
import dev.damsel.api.plugin.ComponentFactory;
import dev.damsel.core.training.TrainingConfig;
import dev.damsel.runner.UsageException;
import dev.damsel.runner.wiring.PluginRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a run configuration (YAML) into a validated {@link RunPlan}.
 *
 * <p>Layers, lowest first: each component's own {@code defaults()}; the built-in default run
 * ({@code default-run.yaml}, the suite {@code damsel run} runs with no config); the user's file. A user section that
 * names a different {@code type} than the built-in one replaces that section instead of being laid over it. Unknown
 * sections and keys, values of the wrong type and values out of range are reported as one-line
 * {@link UsageException}s naming the field, e.g. {@code config: tasks.dimension must be >= 1 (got 0)}.
 */
public final class ConfigLoader {
    /** The top-level sections of a config file. */
    public static final List<String> SECTIONS = List.of("seed", "seeds", "tasks", "memory", "interaction", "training",
            "strategy", "strategies");
    /** A strategy's name in an experiment: it names its output folder. */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final String DEFAULT_RUN = "/dev/damsel/runner/default-run.yaml";

    private final PluginRegistry plugins;
    private final YAMLMapper yaml = new YAMLMapper();
    private final ObjectMapper records = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    public ConfigLoader(PluginRegistry plugins) {
        this.plugins = plugins;
    }

    /** The built-in default run as an experiment of one strategy and one seed. */
    public ExperimentPlan loadDefaultExperiment() {
        return experiment(builtIn());
    }

    /** A config file laid over the built-in default run, with its {@code seeds} and {@code strategies} if it has them. */
    public ExperimentPlan loadExperiment(Path file) {
        ObjectNode user;
        try {
            JsonNode node = yaml.readTree(Files.readString(file));
            if (node == null || node.isMissingNode() || node.isNull()) {
                user = yaml.createObjectNode();
            } else if (node instanceof ObjectNode object) {
                user = object;
            } else {
                throw new UsageException("config: " + file + " must be a YAML mapping of sections ("
                        + String.join(", ", SECTIONS) + ")");
            }
        } catch (NoSuchFileException e) {
            throw new UsageException("config: cannot read " + file + ": no such file");
        } catch (JsonProcessingException e) {
            throw new UsageException("config: " + file + " is not valid YAML: " + oneLine(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new UsageException("config: cannot read " + file + ": " + e.getMessage());
        }
        return experiment(layer(builtIn(), user));
    }

    /** A parser's multi-line report as one line: its sentences, without the echoed source and caret lines. */
    private static String oneLine(String message) {
        return message.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("in '") && !line.equals("^"))
                .filter(line -> !line.matches("[\\s^]*"))
                .distinct()
                .collect(Collectors.joining("; "));
    }

    private ObjectNode builtIn() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RUN)) {
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in default run cannot be read", e);
        }
    }

    private ObjectNode layer(ObjectNode base, ObjectNode user) {
        ObjectNode out = base.deepCopy();
        exclusive(user, "seed", "seeds", out);
        exclusive(user, "strategy", "strategies", out);
        for (String section : JsonTrees.fieldNames(user)) {
            if (!SECTIONS.contains(section)) {
                throw new UsageException("config: '" + section + "' is not a known section (known: "
                        + String.join(", ", SECTIONS) + ")");
            }
            JsonNode value = user.get(section);
            JsonNode existing = out.get(section);
            boolean sameType = existing != null && value.isObject() && existing.isObject()
                    && (!value.has("type") || value.get("type").equals(existing.get("type")));
            out.set(section, sameType ? JsonTrees.overlay((ObjectNode) existing, (ObjectNode) value) : value.deepCopy());
        }
        return out;
    }

    /** A file gives the single form of a section or its list form, not both; the list form replaces the built-in single. */
    private static void exclusive(ObjectNode user, String single, String list, ObjectNode base) {
        if (user.has(single) && user.has(list)) {
            throw new UsageException("config: give either '" + single + "' or '" + list + "', not both");
        }
        if (user.has(list)) {
            base.remove(single);
        }
    }

    private ExperimentPlan experiment(ObjectNode tree) {
        List<Long> seeds = tree.has("seeds") ? seeds(tree.get("seeds")) : List.of(seed(tree.get("seed")));
        ObjectNode single = tree.deepCopy();
        single.remove("seeds");
        single.remove("strategies");
        single.put("seed", seeds.get(0));
        List<ExperimentPlan.Arm> arms = new ArrayList<>();
        if (tree.has("strategies")) {
            JsonNode list = tree.get("strategies");
            if (!list.isArray() || list.isEmpty()) {
                throw new UsageException("config: strategies must be a non-empty list of strategy sections, each with"
                        + " a 'type' (one of " + plugins.strategies().keySet() + ")");
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String label = "strategies[" + i + "]";
                if (!(list.get(i) instanceof ObjectNode section)) {
                    throw new UsageException("config: " + label + " must be a mapping with a 'type' (one of "
                            + plugins.strategies().keySet() + ")");
                }
                ObjectNode strategy = section.deepCopy();
                JsonNode name = strategy.remove("name");
                single.set("strategy", strategy);
                RunPlan plan = plan(single, label);
                String chosen = name == null ? plan.strategy().id() : name.asText();
                if (name != null && (!name.isTextual() || !NAME.matcher(chosen).matches())) {
                    throw new UsageException("config: " + label + ".name must be lower-case letters, digits, '.', '_'"
                            + " or '-', at most 64, starting with a letter or digit (got " + name + ")");
                }
                if (!names.add(chosen)) {
                    throw new UsageException("config: " + label + ".name '" + chosen + "' is used by two strategies;"
                            + " give each a distinct name");
                }
                arms.add(new ExperimentPlan.Arm(chosen, plan));
            }
        } else {
            RunPlan plan = plan(single, "strategy");
            arms.add(new ExperimentPlan.Arm(plan.strategy().id(), plan));
        }
        ObjectNode resolved = records.createObjectNode();
        if (tree.has("seeds")) {
            seeds.forEach(resolved.putArray("seeds")::add);
        } else {
            resolved.put("seed", seeds.get(0));
        }
        ObjectNode first = arms.get(0).plan().resolved();
        for (String section : List.of("tasks", "memory", "interaction", "training")) {
            resolved.set(section, first.get(section).deepCopy());
        }
        if (tree.has("strategies")) {
            var list = resolved.putArray("strategies");
            for (ExperimentPlan.Arm arm : arms) {
                ObjectNode strategy = list.addObject();
                if (!arm.name().equals(arm.plan().strategy().id())) {
                    strategy.put("name", arm.name());
                }
                strategy.setAll((ObjectNode) arm.plan().resolved().get("strategy"));
            }
        } else {
            resolved.set("strategy", first.get("strategy").deepCopy());
        }
        return new ExperimentPlan(seeds, arms, resolved);
    }

    private static List<Long> seeds(JsonNode node) {
        if (node.isTextual()) {
            return SeedList.parse("config: seeds", node.asText());
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return List.of(node.longValue());
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new UsageException("config: seeds must be a non-empty list of integers, or a text like 1..5 or"
                    + " 1,2,7 (got " + node + ")");
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode seed : node) {
            if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
                throw new UsageException("config: seeds must be a non-empty list of integers, or a text like 1..5 or"
                        + " 1,2,7 (got " + node + ")");
            }
            parts.add(seed.asText());
        }
        return SeedList.parse("config: seeds", String.join(",", parts));
    }

    private RunPlan plan(ObjectNode tree, String strategyLabel) {
        ObjectNode resolved = records.createObjectNode();
        long seed = seed(tree.get("seed"));
        resolved.put("seed", seed);
        var tasks = component("tasks", tree.get("tasks"), plugins.taskSuites(), resolved);
        var memory = component("memory", tree.get("memory"), plugins.memories(), resolved);
        var interaction = component("interaction", tree.get("interaction"), plugins.interactions(), resolved);
        TrainingConfig training = section("training", tree.get("training"), TrainingConfig.DEFAULTS,
                TrainingConfig.class, resolved);
        var strategy = component("strategy", strategyLabel, tree.get("strategy"), plugins.strategies(), resolved);
        return new RunPlan(seed, tasks, memory, interaction, training, strategy, resolved);
    }

    private static long seed(JsonNode node) {
        if (node == null) {
            return 0L;
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber()) {
            throw new UsageException("config: seed must be an integer in [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE
                    + "] (got " + node + ")");
        }
        return node.longValue();
    }

    private <F extends ComponentFactory<?>> Component<F> component(String section, JsonNode node, Map<String, F> factories,
                                                                   ObjectNode resolved) {
        return component(section, section, node, factories, resolved);
    }

    /** {@code section}: the key in the resolved tree; {@code label}: how messages name it. */
    private <F extends ComponentFactory<?>> Component<F> component(String section, String label, JsonNode node,
                                                                   Map<String, F> factories, ObjectNode resolved) {
        if (node == null || !node.isObject()) {
            throw new UsageException("config: " + label + " must be a mapping with a 'type' (one of "
                    + factories.keySet() + ")");
        }
        ObjectNode values = ((ObjectNode) node).deepCopy();
        JsonNode type = values.remove("type");
        if (type == null || !type.isTextual()) {
            throw new UsageException("config: " + label + ".type is required (one of " + factories.keySet() + ")");
        }
        F factory = factories.get(type.asText());
        if (factory == null) {
            throw new UsageException("config: " + label + ".type must be one of " + factories.keySet() + " (got '"
                    + type.asText() + "')");
        }
        Record config = section(section, label, values, factory.defaults(), factory.configType(), resolved);
        ((ObjectNode) resolved.get(section)).put("type", factory.id());
        return new Component<>(factory.id(), factory, config);
    }

    private <C extends Record> C section(String section, JsonNode node, Record defaults, Class<C> type,
                                         ObjectNode resolved) {
        return section(section, section, node, defaults, type, resolved);
    }

    private <C extends Record> C section(String section, String label, JsonNode node, Record defaults, Class<C> type,
                                         ObjectNode resolved) {
        ObjectNode defaultsTree = records.valueToTree(defaults);
        ObjectNode values = node == null ? records.createObjectNode() : asObject(label, node);
        Set<String> known = Set.copyOf(JsonTrees.fieldNames(defaultsTree));
        for (String key : JsonTrees.fieldNames(values)) {
            if (!known.contains(key)) {
                throw new UsageException("config: " + label + "." + key + " is not a known key (known: "
                        + known.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
        }
        ObjectNode merged = JsonTrees.overlay(defaultsTree, values);
        C config = convert(label, merged, type);
        ObjectNode out = resolved.putObject(section);
        out.setAll((ObjectNode) records.valueToTree(config));
        return config;
    }

    private static ObjectNode asObject(String section, JsonNode node) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new UsageException("config: " + section + " must be a mapping of keys to values (got " + node + ")");
    }

    private <C extends Record> C convert(String section, ObjectNode merged, Class<C> type) {
        try {
            return records.treeToValue(merged, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException ce) {
                throw new UsageException("config: " + section + "." + ce.getMessage());
            }
            throw new UsageException("config: " + section + ": " + (cause == null ? e.getOriginalMessage() : cause.getMessage()));
        } catch (InvalidFormatException e) {
            throw new UsageException("config: " + path(section, e) + " must be " + describe(e.getTargetType())
                    + " (got " + quote(e.getValue()) + ")");
        } catch (MismatchedInputException e) {
            throw new UsageException("config: " + path(section, e) + " must be " + describe(e.getTargetType())
                    + " (got " + valueAt(merged, e) + ")");
        } catch (JsonProcessingException e) {
            throw new UsageException("config: " + section + ": " + e.getOriginalMessage());
        }
    }

    private static String path(String section, JsonMappingException e) {
        StringBuilder path = new StringBuilder(section);
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return path.toString();
    }

    private static String valueAt(ObjectNode merged, JsonMappingException e) {
        JsonNode node = merged;
        for (JsonMappingException.Reference ref : e.getPath()) {
            node = ref.getFieldName() != null ? node.path(ref.getFieldName()) : node.path(ref.getIndex());
        }
        return node.isMissingNode() ? "nothing" : node.toString();
    }

    private static String quote(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == int.class || type == Integer.class) {
            return "an integer in [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "]";
        }
        if (type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping";
    }
}
