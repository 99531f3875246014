package dev.damsel.api;

/**
 * How a flat parameter vector θ is grouped: {@code blocks} consecutive blocks of {@code blockLength} values. For a
 * dense associative memory a block is one memory vector ξ^μ; optimisers that normalise per memory use it.
 */
public record ParameterLayout(int blocks, int blockLength) {
    public ParameterLayout {
        Require.atLeast("blocks", blocks, 1);
        Require.atLeast("blockLength", blockLength, 1);
    }

    public int size() {
        return Math.multiplyExact(blocks, blockLength);
    }
}
