package cnnplayground.spec.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The .npz bytes, read back by hand as numpy reads them (numpy itself reads them in TrainedExportCliTest). */
class NpzTest {

    @Test
    void each_array_is_an_npy_1_0_file_with_an_aligned_header_and_little_endian_floats() throws Exception {
        // given:
        Map<String, WeightArray> arrays = new LinkedHashMap<>();
        arrays.put("conv2d.weight", new WeightArray("weight", new int[] {2, 1, 1, 2}, new float[] {1, -2, 0.5f, 3}));
        arrays.put("conv2d.bias", new WeightArray("bias", new int[] {2}, new float[] {0.25f, -1}));

        // when:
        byte[] npz = Npz.of(arrays);

        // then:
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(npz))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries).containsOnlyKeys("conv2d.weight.npy", "conv2d.bias.npy");
        assertNpy(entries.get("conv2d.weight.npy"), "(2, 1, 1, 2)", new float[] {1, -2, 0.5f, 3});
        assertNpy(entries.get("conv2d.bias.npy"), "(2,)", new float[] {0.25f, -1});
        assertThat(Npz.of(arrays)).as("the same arrays give the same bytes").isEqualTo(npz);
    }

    private static void assertNpy(byte[] npy, String shape, float[] values) {
        ByteBuffer in = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[8];
        in.get(magic);
        assertThat(magic).isEqualTo(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        int headerLength = Short.toUnsignedInt(in.getShort());
        assertThat((10 + headerLength) % 64).isZero();
        String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }").endsWith("\n");
        in.position(10 + headerLength);
        for (float v : values) {
            assertThat(in.getFloat()).isEqualTo(v);
        }
        assertThat(in.remaining()).isZero();
    }
}
