import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the offline replay tool on many capture files in one JVM, for scripts/compare-replays.sh:
 * a JVM start and a cold JIT per file would cost more than most of the small captures take.
 * Each file is replayed as {@code apptrack-replay.jar --etc ETC --output KEY.log FILE} would
 * replay it, through the tool's own entry point ({@code ReplayTool.run}, a fresh pipeline per
 * file), and leaves three files in OUTDIR: {@code KEY.log} (the logs), {@code KEY.summary}
 * (everything else the tool printed: summary, errors) and {@code KEY.rc} (its exit status).
 * A tool without that entry point (none so far) is run as one process per file instead.
 *
 * <p>Usage: {@code java -cp apptrack-replay.jar scripts/lib/ReplayCaptures.java ETC OUTDIR LIST},
 * LIST holding one {@code KEY<TAB>FILE} per line (KEY may contain '/': subdirectories are made).
 */
public final class ReplayCaptures {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java -cp apptrack-replay.jar ReplayCaptures.java ETC OUTDIR LIST");
            System.exit(2);
        }
        String etc = args[0];
        Path out = Path.of(args[1]);
        List<String[]> captures = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                captures.add(line.split("\t", 2));
            }
        }
        Class<?> tool = Class.forName("org.apptrack.tool.ReplayTool");
        Method run = null;
        try {
            run = tool.getDeclaredMethod("run", String[].class, PrintStream.class, PrintStream.class);
            run.setAccessible(true);
        } catch (NoSuchMethodException e) {
            System.err.println("ReplayTool.run(String[], PrintStream, PrintStream) not found: one process per file");
        }
        Path jar = Path.of(tool.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (String[] capture : captures) {
            String key = capture[0];
            Path logs = out.resolve(key + ".log");
            Files.createDirectories(logs.getParent());
            String[] toolArgs = {"--etc", etc, "--output", logs.toString(), capture[1]};
            int rc = run != null ? inThisJvm(run, toolArgs, out.resolve(key + ".summary"))
                    : inOwnProcess(jar, toolArgs, out.resolve(key + ".summary"));
            Files.writeString(out.resolve(key + ".rc"), rc + "\n");
        }
    }

    /** Standard output and error of the tool go to one file, in the order it wrote them. */
    private static int inThisJvm(Method run, String[] toolArgs, Path summary) throws IOException {
        try (PrintStream printed = new PrintStream(new FileOutputStream(summary.toFile()), true,
                StandardCharsets.UTF_8)) {
            try {
                return (Integer) run.invoke(null, toolArgs, printed, printed);
            } catch (InvocationTargetException e) {
                e.getCause().printStackTrace(printed);
                return 3;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static int inOwnProcess(Path jar, String[] toolArgs, Path summary) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString()));
        command.addAll(List.of(toolArgs));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(summary.toFile()).start();
        return p.waitFor();
    }
}
