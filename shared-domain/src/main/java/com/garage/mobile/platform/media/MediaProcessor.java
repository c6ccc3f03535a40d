package com.garage.mobile.platform.media;

import com.garage.mobile.domain.job.JobEventPublisher;
import com.garage.mobile.domain.media.MediaKind;
import com.garage.mobile.domain.media.MediaStoring;
import com.garage.mobile.domain.media.ObjectStore;
import com.garage.mobile.domain.media.UploadRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

/**
 * Checks a completed upload in the background ({@link MediaCheck}, through the outbox): sniffs its type from the bytes (a
 * mismatch with its kind is refused and the object removed), takes the location out of a photo
 * before anyone sees it, makes a thumbnail, records the SHA-256 of the object as stored and
 * announces it on the job's timeline.
 */
@ApplicationScoped
public class MediaProcessor {

    private final ObjectStore store;
    private final MediaStoring storing;
    private final JobEventPublisher publisher;
    private final PhotoLocation location;
    private final Thumbnails thumbnails;
    private final Spool spool;
    private final Detector detector = new DefaultDetector();

    public MediaProcessor(ObjectStore store, MediaStoring storing, JobEventPublisher publisher, PhotoLocation location,
            Thumbnails thumbnails, Spool spool) {
        this.store = store;
        this.storing = storing;
        this.publisher = publisher;
        this.location = location;
        this.thumbnails = thumbnails;
        this.spool = spool;
    }

    void process(UploadRecord upload) throws IOException {
        Path file = spool.newFile();
        try {
            try (InputStream object = store.get(upload.objectKey()); OutputStream out = Files.newOutputStream(file)) {
                object.transferTo(out);
            }
            String sniffed = sniff(file);
            if (!upload.kind().accepts(sniffed)) {
                store.delete(upload.objectKey());
                TusUploads.await(() -> storing.rejected(upload.id(), sniffed));
                return;
            }
            if (upload.kind() == MediaKind.PHOTO && location.strip(file, sniffed)) {
                store.put(upload.objectKey(), file, sniffed);
            }
            String thumbnailKey = thumbnail(upload, file, sniffed).orElse(null);
            MediaStoring.Checked checked = new MediaStoring.Checked(sha256(file), sniffed, thumbnailKey);
            TusUploads.await(() -> storing.stored(upload.id(), checked)
                    .call(changed -> publisher.publish(changed.events())));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private String sniff(Path file) throws IOException {
        try (TikaInputStream bytes = TikaInputStream.get(file)) {
            // No file name in the metadata: the type comes from the bytes alone.
            return detector.detect(bytes, new Metadata()).getBaseType().toString();
        }
    }

    private Optional<String> thumbnail(UploadRecord upload, Path file, String contentType) throws IOException {
        if (!MediaKind.thumbnailed(contentType)) {
            return Optional.empty();
        }
        Path thumbnail = spool.newFile();
        try {
            if (!thumbnails.write(file, thumbnail)) {
                return Optional.empty();
            }
            String key = upload.objectKey() + ".thumbnail.jpg";
            store.put(key, thumbnail, "image/jpeg");
            return Optional.of(key);
        } finally {
            Files.deleteIfExists(thumbnail);
        }
    }

    static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
