package com.garage.mobile.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Real JPEG photos for tests that upload or show one: they sniff as {@code image/jpeg} and decode in a browser. */
public final class TestPhotos {

    private TestPhotos() {
    }

    /** A plain JPEG of the given size: a grey disc on orange. */
    public static byte[] jpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.DARK_GRAY);
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The JPEG in a temporary file named {@code name}, for a browser's file input. */
    public static Path jpegFile(String name, int width, int height) {
        try {
            Path file = Files.createTempDirectory("garage-photo-").resolve(name);
            return Files.write(file, jpeg(width, height));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
