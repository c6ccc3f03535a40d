package com.garage.mobile.platform.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputField;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Takes the location out of a photo, in place. JPEG: the EXIF GPS fields go (Apache Commons
 * Imaging rewrites the EXIF segment losslessly, so orientation and the rest stay) and so does the
 * XMP packet, which may repeat the location. PNG: the eXIf chunk and the text chunks (which carry
 * XMP) are dropped. HEIC is left as it is: no maintained Java library rewrites HEIF metadata
 * (docs/media.md).
 */
@ApplicationScoped
class PhotoLocation {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Set<String> PNG_METADATA = Set.of("eXIf", "tEXt", "zTXt", "iTXt");

    /** Strips the location; true if the file changed. */
    boolean strip(Path photo, String contentType) throws IOException {
        return switch (contentType) {
            case "image/jpeg" -> stripJpeg(photo);
            case "image/png" -> stripPng(photo);
            default -> false;
        };
    }

    private boolean stripJpeg(Path photo) throws IOException {
        Path withoutGps = Files.createTempFile(photo.getParent(), "media-", ".jpg");
        Path withoutXmp = Files.createTempFile(photo.getParent(), "media-", ".jpg");
        try {
            boolean hadGps = rewriteExif(photo, withoutGps);
            try (OutputStream out = Files.newOutputStream(withoutXmp)) {
                new JpegXmpRewriter().removeXmpXml((hadGps ? withoutGps : photo).toFile(), out);
            }
            boolean changed = hadGps || Files.size(withoutXmp) != Files.size(photo);
            if (changed) {
                Files.move(withoutXmp, photo, StandardCopyOption.REPLACE_EXISTING);
            }
            return changed;
        } finally {
            Files.deleteIfExists(withoutGps);
            Files.deleteIfExists(withoutXmp);
        }
    }

    /** Writes the photo without its GPS fields; false (nothing written) if it has none. */
    private static boolean rewriteExif(Path photo, Path target) throws IOException {
        ImageMetadata metadata;
        try {
            metadata = Imaging.getMetadata(photo.toFile());
        } catch (ImagingException e) {
            return false;
        }
        if (!(metadata instanceof JpegImageMetadata jpeg) || jpeg.getExif() == null) {
            return false;
        }
        TiffOutputSet exif = jpeg.getExif().getOutputSet();
        TiffOutputDirectory gps = exif.getGpsDirectory();
        if (gps == null || gps.getFields().isEmpty()) {
            return false;
        }
        for (TiffOutputField field : List.copyOf(gps.getFields())) {
            gps.removeField(field.tag);
        }
        try (OutputStream out = Files.newOutputStream(target)) {
            new ExifRewriter().updateExifMetadataLossless(photo.toFile(), out, exif);
        }
        return true;
    }

    private static boolean stripPng(Path photo) throws IOException {
        Path target = Files.createTempFile(photo.getParent(), "media-", ".png");
        boolean dropped = false;
        try (DataInputStream in = new DataInputStream(Files.newInputStream(photo));
                DataOutputStream out = new DataOutputStream(Files.newOutputStream(target))) {
            byte[] signature = in.readNBytes(PNG_SIGNATURE.length);
            if (!Arrays.equals(signature, PNG_SIGNATURE)) {
                return false;
            }
            out.write(signature);
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                byte[] type = in.readNBytes(4);
                String name = new String(type, StandardCharsets.US_ASCII);
                if (PNG_METADATA.contains(name)) {
                    in.skipNBytes(length + 4L);
                    dropped = true;
                    continue;
                }
                out.writeInt(length);
                out.write(type);
                copy(in, out, length + 4L);
            }
        } finally {
            if (!dropped) {
                Files.deleteIfExists(target);
            }
        }
        if (dropped) {
            Files.move(target, photo, StandardCopyOption.REPLACE_EXISTING);
        }
        return dropped;
    }

    private static void copy(InputStream in, OutputStream out, long count) throws IOException {
        byte[] buffer = new byte[8192];
        long left = count;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("truncated PNG chunk");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }
}
