package com.garage.mobile.platform.media;

import com.garage.mobile.domain.media.MediaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Temporary files for chunks and objects in work: on disk, never the whole file in memory. */
@ApplicationScoped
class Spool {

    private final MediaConfig config;

    Spool(MediaConfig config) {
        this.config = config;
    }

    Path newFile() throws IOException {
        Path directory = config.spoolDirectory().orElse(Path.of(System.getProperty("java.io.tmpdir")));
        Files.createDirectories(directory);
        return Files.createTempFile(directory, "media-", ".spool");
    }
}
