package com.garage.mobile.domain.releases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Groups crash reports into issues: the stack is normalised so that what varies between two
 * occurrences of one bug (line numbers, memory addresses, lambda and anonymous-class counters,
 * the exception's message, blank and "more" lines) does not count, then the exception type and
 * the first {@value #FRAMES} normalised frames are hashed with SHA-256 (hex). Symbolication is
 * out of scope: frames are taken as the app sent them.
 */
public final class StackFingerprint {

    /** Frames that decide the issue: deeper frames vary with the caller, not the bug. */
    public static final int FRAMES = 8;

    private static final Pattern LINE_NUMBER = Pattern.compile(":\\d+(:\\d+)?(?=\\)|$)");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern PLUS_OFFSET = Pattern.compile("\\s\\+\\s\\d+");
    private static final Pattern SYNTHETIC = Pattern.compile("\\$\\$?(Lambda|lambda)?[$_]?\\d+(/0x[0-9a-f]+)?|\\$\\d+");
    private static final Pattern FRAME_INDEX = Pattern.compile("^\\d+\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private StackFingerprint() {
    }

    /** The fingerprint: 64 hex digits. */
    public static String of(String exceptionType, String stack) {
        String text = exceptionType.trim() + "\n" + String.join("\n", frames(stack));
        return HexFormat.of().formatHex(sha256(text));
    }

    /** The normalised frames that decide the issue, topmost first. */
    public static List<String> frames(String stack) {
        return stack.lines()
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .filter(StackFingerprint::isFrame)
                .map(StackFingerprint::normalise)
                .filter(Objects::nonNull)
                .limit(FRAMES)
                .toList();
    }

    /** The topmost normalised frame, or an empty text when the stack has none. */
    public static String topFrame(String stack) {
        List<String> frames = frames(stack);
        return frames.isEmpty() ? "" : frames.getFirst();
    }

    // A frame line: JVM ("at a.b.C.m(C.java:12)"), Swift/ObjC ("3  App  0x1040 main + 40"),
    // JavaScript ("at render (app.js:10:5)"). Anything else is a message or a "Caused by"/"... 12 more".
    private static boolean isFrame(String line) {
        return line.startsWith("at ") || FRAME_INDEX.matcher(line).find();
    }

    private static String normalise(String line) {
        String frame = line.startsWith("at ") ? line.substring(3) : FRAME_INDEX.matcher(line).replaceFirst("");
        frame = LINE_NUMBER.matcher(frame).replaceAll("");
        frame = SYNTHETIC.matcher(frame).replaceAll("\\$");
        frame = ADDRESS.matcher(frame).replaceAll("");
        frame = PLUS_OFFSET.matcher(frame).replaceAll("");
        frame = WHITESPACE.matcher(frame).replaceAll(" ").trim();
        return frame.isEmpty() ? null : frame;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
