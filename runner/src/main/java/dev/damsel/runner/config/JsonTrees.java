package dev.damsel.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Small operations on Jackson trees used to layer config files over defaults. */
final class JsonTrees {
    private JsonTrees() {
    }

    /** A copy of {@code base} with every field of {@code overlay} laid over it, objects merged recursively. */
    static ObjectNode overlay(ObjectNode base, ObjectNode overlay) {
        ObjectNode out = base.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = out.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode overlayObject) {
                out.set(field.getKey(), overlay(existingObject, overlayObject));
            } else {
                out.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return out;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
