package dev.damsel.bench;

import dev.damsel.core.vector.PolynomialShape;
import dev.damsel.core.vector.PreparedMatrix;
import dev.damsel.core.vector.SignMatrix;
import dev.damsel.core.vector.Vectors;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.SplittableRandom;

/** Inputs of the kernel benchmarks: N units, K memories, B probes (odd sizes included). */
@State(Scope.Benchmark)
public class KernelState {
    @Param({"255", "256", "1024"})
    public int dim;
    @Param({"512"})
    public int memories;
    @Param({"128"})
    public int probes;

    public float[] probeValues;
    public float[] xiTransposed;
    public float[] coefficients;
    public float[] xi;
    /** ξ prepared once for the step's product ({@link Vectors#prepare}). */
    public PreparedMatrix xiPrepared;
    /** The signs of ξ for the step's product as it runs now ({@link Vectors#signMatrix}). */
    public SignMatrix xiSigns;
    /** The coefficients memory-major (K×B), as the step hands them to {@link Vectors#signProduct}. */
    public float[] coefficientColumns;
    /** Each probe's scale for {@link Vectors#signProductRounded}: its coefficients' 16-bit sums just fit. */
    public float[] roundingScale;
    public float[] roundingError;
    /** Tables indexed by overlap + N, for {@link Vectors#bitOverlapsMapped}. */
    public float[] halfTable;
    public double[] otherTable;
    public double[] diagonal;
    /** A state and drives for {@link Vectors#signStep} (one probe's units). */
    public float[] state;
    public float[] drive;
    /** A copy of the drives that {@link Vectors#bandedSignStep} may mark. */
    public float[] driveCopy;
    public float[] out;
    public float[] overlapsOut;
    public long[] probeBits;
    public long[] patternBits;
    public double[] m;
    public double[] w;
    public double[] fm;
    public double[] dfm;
    public double[] diff;
    public double[] sum;
    public final PolynomialShape cube = new PolynomialShape(PolynomialShape.Kind.PLAIN, 3);

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        probeValues = signs(probes * dim, random);
        xi = signs(memories * dim, random);
        xiTransposed = new float[dim * memories];
        for (int mu = 0; mu < memories; mu++) {
            for (int j = 0; j < dim; j++) {
                xiTransposed[j * memories + mu] = xi[mu * dim + j];
            }
        }
        xiPrepared = Vectors.prepare(memories, dim, xi, 0, dim);
        xiSigns = Vectors.signMatrix(memories, dim, xi, 0, dim);
        coefficients = new float[probes * memories];
        for (int p = 0; p < coefficients.length; p++) {
            coefficients[p] = (float) random.nextDouble();
        }
        coefficientColumns = new float[memories * probes];
        for (int b = 0; b < probes; b++) {
            for (int mu = 0; mu < memories; mu++) {
                coefficientColumns[mu * probes + b] = coefficients[b * memories + mu];
            }
        }
        roundingScale = new float[probes];
        Vectors.absColumnSums(memories, probes, coefficientColumns, 0, probes, roundingScale, new float[probes]);
        for (int b = 0; b < probes; b++) {
            roundingScale[b] = (float) ((Short.MAX_VALUE - 0.51 * memories) / (roundingScale[b] * 1.001));
        }
        roundingError = new float[probes];
        halfTable = new float[2 * dim + 1];
        otherTable = new double[2 * dim + 1];
        for (int h = 0; h < halfTable.length; h++) {
            halfTable[h] = (float) random.nextDouble();
            otherTable[h] = random.nextDouble();
        }
        diagonal = new double[probes];
        state = signs(dim, random);
        drive = new float[dim];
        for (int j = 0; j < dim; j++) {
            drive[j] = (float) (random.nextDouble() - 0.5);
        }
        driveCopy = drive.clone();
        out = new float[probes * dim];
        overlapsOut = new float[probes * memories];
        int words = Vectors.words(dim);
        probeBits = new long[probes * words];
        patternBits = new long[memories * words];
        for (int b = 0; b < probes; b++) {
            Vectors.packSigns(probeValues, b * dim, dim, probeBits, b * words);
        }
        for (int mu = 0; mu < memories; mu++) {
            Vectors.packSigns(xi, mu * dim, dim, patternBits, mu * words);
        }
        m = new double[memories];
        w = new double[memories];
        for (int mu = 0; mu < memories; mu++) {
            m[mu] = random.nextInt(-dim, dim + 1);
            w[mu] = xi[mu];
        }
        fm = new double[memories];
        dfm = new double[memories];
        for (int mu = 0; mu < memories; mu++) {
            fm[mu] = cube.value(m[mu] / dim);
            dfm[mu] = cube.derivative(m[mu] / dim);
        }
        diff = new double[memories];
        sum = new double[memories];
    }

    private static float[] signs(int n, SplittableRandom random) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextBoolean() ? 1f : -1f;
        }
        return x;
    }
}
