package com.garage.mobile.technician.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Bytes that sniff as what tests upload: an MP4 video, a JPEG with a GPS position, a Windows executable. */
final class MediaBytes {

    private MediaBytes() {
    }

    /** An MP4 ("ftyp" box, brand mp42) of the given length, the rest random. */
    static byte[] video(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        byte[] header = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0, 'm', 'p', '4', '2', 'i',
                's', 'o', 'm', 0, 0, 0, 8, 'f', 'r', 'e', 'e'};
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    /** A 1200x900 JPEG whose EXIF says where it was taken. */
    static byte[] jpegWithGps() throws IOException {
        BufferedImage image = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, 1200, 900);
        graphics.setColor(Color.DARK_GRAY);
        graphics.fillOval(300, 200, 600, 500);
        graphics.dispose();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", plain);
        TiffOutputSet exif = new TiffOutputSet();
        exif.setGpsInDegrees(-0.1276, 51.5072);
        ByteArrayOutputStream located = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), located, exif);
        return located.toByteArray();
    }

    /** A Windows executable's first bytes, padded: what a renamed .exe looks like. */
    static byte[] executable() {
        byte[] bytes = new byte[4096];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3c] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        return bytes;
    }
}
