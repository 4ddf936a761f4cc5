package org.culturecard.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screenshot script renders real scenes: every screen, three variants, none of them blank. */
class ScreenshotToolTest {
    @TempDir
    Path dir;

    @Test
    void rendersEveryScreenInEveryVariantAsANonBlankPng() throws Exception {
        List<Path> files = ScreenshotTool.render(dir);

        assertThat(files).hasSize(51);
        for (Path file : files) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).as(file.toString()).isEqualTo(1280);
            assertThat(image.getHeight()).isEqualTo(800);
            assertThat(distinctColours(image)).as("colours in " + file).isGreaterThan(50);
        }
    }

    private static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
