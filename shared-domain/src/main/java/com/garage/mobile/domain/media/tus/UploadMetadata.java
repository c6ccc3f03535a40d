package com.garage.mobile.domain.media.tus;

import com.garage.mobile.domain.media.MediaKind;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a tus creation says of the media in {@code Upload-Metadata}: comma-separated pairs of a key
 * and its Base64 value. Required: {@code targetType}, {@code targetId}, {@code kind},
 * {@code contentType}, {@code clientMediaId} (the media's id, chosen once by the app, so a second
 * creation finds the first); optional {@code filename}.
 */
public record UploadMetadata(String targetType, UUID targetId, MediaKind kind, String contentType,
        UUID clientMediaId, String filename) {

    private static final String FIELD = Tus.UPLOAD_METADATA + ".";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final Pattern TARGET_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final int MAX_FILENAME = 255;

    public static UploadMetadata parse(String header) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, String> pairs = pairs(header, errors);
        String targetType = required(pairs, "targetType", errors);
        if (targetType != null && !TARGET_TYPE.matcher(targetType).matches()) {
            errors.add(error("targetType", "is not a target type"));
        }
        UUID targetId = uuid(pairs, "targetId", errors);
        MediaKind kind = kind(required(pairs, "kind", errors), errors);
        String contentType = required(pairs, "contentType", errors);
        if (kind != null && contentType != null && !kind.accepts(contentType)) {
            errors.add(error("contentType", "is not a content type of a " + kind.name().toLowerCase(Locale.ROOT)));
        }
        UUID clientMediaId = uuid(pairs, "clientMediaId", errors);
        String filename = pairs.get("filename");
        if (filename != null && (filename.isBlank() || filename.length() > MAX_FILENAME || hasControl(filename))) {
            errors.add(error("filename", "must be 1-255 printable characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, "Upload-Metadata is not valid.")
                    .withErrors(errors));
        }
        return new UploadMetadata(targetType, targetId, kind, contentType.toLowerCase(Locale.ROOT), clientMediaId,
                filename);
    }

    private static Map<String, String> pairs(String header, List<Problem.FieldError> errors) {
        Map<String, String> pairs = new HashMap<>();
        if (header == null || header.isBlank()) {
            errors.add(new Problem.FieldError(Tus.UPLOAD_METADATA, "is required"));
            return pairs;
        }
        for (String pair : header.split(",")) {
            String[] parts = pair.trim().split(" ", -1);
            if (parts.length > 2 || !KEY.matcher(parts[0]).matches() || pairs.containsKey(parts[0])) {
                errors.add(new Problem.FieldError(Tus.UPLOAD_METADATA, "has a malformed or repeated pair"));
                continue;
            }
            try {
                pairs.put(parts[0], parts.length == 1 ? "" : new String(Base64.getDecoder().decode(parts[1]),
                        StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                errors.add(error(parts[0], "is not Base64"));
            }
        }
        return pairs;
    }

    private static String required(Map<String, String> pairs, String key, List<Problem.FieldError> errors) {
        String value = pairs.get(key);
        if (value == null || value.isBlank()) {
            errors.add(error(key, "is required"));
            return null;
        }
        return value;
    }

    private static UUID uuid(Map<String, String> pairs, String key, List<Problem.FieldError> errors) {
        String value = required(pairs, key, errors);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.add(error(key, "is not a UUID"));
            return null;
        }
    }

    private static MediaKind kind(String value, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return MediaKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(error("kind", "must be photo, video or audio"));
            return null;
        }
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static Problem.FieldError error(String key, String message) {
        return new Problem.FieldError(FIELD + key, message);
    }
}
