package com.garage.mobile.platform.media;

import com.garage.mobile.domain.media.MediaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * JPEG thumbnails of JPEG and PNG photos. The photo is decoded subsampled, close to the thumbnail's
 * size, so a 25 MB photo never lands whole in memory.
 */
@ApplicationScoped
class Thumbnails {

    private final int size;

    Thumbnails(MediaConfig config) {
        this.size = config.thumbnailSize();
    }

    /** Writes the thumbnail; false if the photo cannot be decoded. */
    boolean write(Path photo, Path thumbnail) throws IOException {
        BufferedImage image = decode(photo);
        if (image == null) {
            return false;
        }
        double scale = Math.min(1.0, (double) size / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = small.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(image, 0, 0, width, height, null);
        graphics.dispose();
        return ImageIO.write(small, "jpg", thumbnail.toFile());
    }

    private BufferedImage decode(Path photo) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(photo.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int longer = Math.max(reader.getWidth(0), reader.getHeight(0));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, longer / (size * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }
}
