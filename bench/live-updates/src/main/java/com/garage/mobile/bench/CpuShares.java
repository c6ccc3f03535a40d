package com.garage.mobile.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went over a phase, by part: each pod (by its threads' work), PostgreSQL (by its processes'
 * work), Redis, this bench and the rest. Read from Linux's {@code /proc} before and after; shares are of one core,
 * so a two-core machine has 200 %.
 */
final class CpuShares {

    /** Linux's USER_HZ, the unit of {@code /proc}'s CPU times. */
    private static final double TICKS_PER_SECOND = 100;
    private static final String POSTGRESQL = "PostgreSQL";
    private static final String REDIS = "Redis";
    private static final String BENCH = "the bench";
    /** A pod's pieces, by the start of its threads' names (Linux keeps 15 characters of them). */
    private static final Map<String, List<String>> POD_PIECES = Map.of(
            "compiling", List.of("C1 CompilerThre", "C2 CompilerThre"),
            "GC", List.of("GC Thread", "G1 ", "VM Thread"),
            "event loops", List.of("vert.x-eventloo"),
            "workers", List.of("executor-thread", "vert.x-worker-t", "quarkus-schedul", "agroal-"));

    private final Map<String, Long> pods;
    private final Map<String, Long> start;
    private final long[] startMachine;
    private final long startNanos = System.nanoTime();

    private CpuShares(Map<String, Long> pods) {
        this.pods = pods;
        this.start = reading();
        this.startMachine = machine();
    }

    /** Starts counting; the pods by name and process id, in the order to print them. */
    static CpuShares start(Map<String, Long> pods) {
        return new CpuShares(pods);
    }

    /** Each part's share, its pieces' in brackets, and the machine's, since the start. */
    String summary() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Long> end = reading();
        long[] endMachine = machine();
        StringBuilder line = new StringBuilder("CPU, % of one core:");
        long counted = 0;
        for (String part : Stream.concat(pods.keySet().stream(), Stream.of(POSTGRESQL, REDIS, BENCH)).toList()) {
            long used = used(part, end);
            counted += used;
            line.append(String.format(" %s %.0f %%", part, percent(used, seconds)));
            List<String> pieces = end.keySet().stream().filter(key -> key.startsWith(part + "/")).sorted().toList();
            if (!pieces.isEmpty()) {
                line.append(" (").append(String.join(", ", pieces.stream().map(piece -> String.format("%s %.0f",
                        piece.substring(part.length() + 1), percent(used(piece, end), seconds))).toList()))
                        .append(")");
            }
            line.append(",");
        }
        long busy = endMachine[0] - startMachine[0];
        long all = busy + endMachine[1] - startMachine[1];
        int cores = Runtime.getRuntime().availableProcessors();
        line.append(String.format(" the rest %.0f %%; the machine busy %.0f %% of %d %%", percent(busy - counted,
                seconds), 100.0 * cores * busy / Math.max(1, all), 100 * cores));
        return line.toString();
    }

    /** One part's or piece's share since the start ({@code "technician-bff/compiling"}). */
    double percentOf(String key) {
        return percent(used(key, reading()), (System.nanoTime() - startNanos) / 1e9);
    }

    private long used(String key, Map<String, Long> end) {
        return end.getOrDefault(key, 0L) - start.getOrDefault(key, 0L);
    }

    private static double percent(long ticks, double seconds) {
        return 100 * ticks / TICKS_PER_SECOND / seconds;
    }

    /** Ticks so far by part ({@code "PostgreSQL"}) and by piece ({@code "PostgreSQL/autovacuum"}). */
    private Map<String, Long> reading() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        long bench = ProcessHandle.current().pid();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(CpuShares::isNumbered).forEach(process -> {
                long pid = Long.parseLong(process.getFileName().toString());
                String comm = comm(process);
                pods.forEach((name, podPid) -> {
                    if (pid == podPid) {
                        ticks.merge(name, ownTicks(process), Long::sum);
                        threads(process).forEach(thread -> ticks.merge(name + "/" + podPiece(comm(thread)),
                                ownTicks(thread), Long::sum));
                    }
                });
                if ("postgres".equals(comm)) {
                    // A process that ended (an autovacuum worker, a closed session) left its time to the postmaster.
                    long ended = childTicks(process);
                    ticks.merge(POSTGRESQL, ownTicks(process) + ended, Long::sum);
                    ticks.merge(POSTGRESQL + "/" + databasePiece(process), ownTicks(process), Long::sum);
                    ticks.merge(POSTGRESQL + "/ended processes", ended, Long::sum);
                } else if ("redis-server".equals(comm)) {
                    ticks.merge(REDIS, ownTicks(process), Long::sum);
                } else if (pid == bench) {
                    ticks.merge(BENCH, ownTicks(process), Long::sum);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks;
    }

    private static String podPiece(String thread) {
        return POD_PIECES.entrySet().stream()
                .filter(piece -> piece.getValue().stream().anyMatch(thread::startsWith))
                .map(Map.Entry::getKey).findFirst().orElse("other threads");
    }

    /** A PostgreSQL process by the title it sets itself ({@code postgres: autovacuum worker …}). */
    private static String databasePiece(Path process) {
        String title = read(process.resolve("cmdline")).replace('\0', ' ');
        if (title.contains("autovacuum")) {
            return "autovacuum";
        }
        if (title.contains("walwriter") || title.contains("checkpointer") || title.contains("background writer")) {
            return "WAL and checkpoints";
        }
        return title.startsWith("postgres: ") && !title.contains("logical replication") ? "sessions" : "other";
    }

    private static List<Path> threads(Path process) {
        try (Stream<Path> threads = Files.list(process.resolve("task"))) {
            return threads.toList();
        } catch (IOException gone) {
            return List.of();
        }
    }

    /** The machine's busy and idle time ({@code /proc/stat}'s first line; waiting for I/O counts as idle). */
    private static long[] machine() {
        String[] fields = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        long all = 0;
        for (int i = 1; i < fields.length; i++) {
            all += Long.parseLong(fields[i]);
        }
        return new long[] {all - idle, idle};
    }

    private static boolean isNumbered(Path process) {
        return process.getFileName().toString().chars().allMatch(Character::isDigit);
    }

    private static String comm(Path process) {
        return read(process.resolve("comm")).trim();
    }

    private static long ownTicks(Path process) {
        String[] stat = stat(process);
        return stat.length < 13 ? 0 : Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
    }

    private static long childTicks(Path process) {
        String[] stat = stat(process);
        return stat.length < 15 ? 0 : Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
    }

    /** The fields after the command's name, which may hold spaces: the third field is at index 0. */
    private static String[] stat(Path process) {
        String stat = read(process.resolve("stat"));
        return stat.isEmpty() ? new String[0] : stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    }

    /** A file of a process that may have ended meanwhile: empty then. */
    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException gone) {
            return "";
        }
    }
}
