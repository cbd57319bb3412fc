package org.partnershipexplorer.transfer;

import io.micronaut.context.ApplicationContext;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.partnershipexplorer.access.Tokens;
import org.partnershipexplorer.neo4j.Neo4jUnavailableException;
import org.partnershipexplorer.seed.LoadReport;
import org.partnershipexplorer.seed.SeedExporter;
import org.partnershipexplorer.seed.SeedLoader;
import org.partnershipexplorer.seed.ConsoleProgress;
import org.partnershipexplorer.seed.SeedImportException;
import org.partnershipexplorer.seed.SeedImportRequest;
import org.partnershipexplorer.seed.SeedSource;
import org.partnershipexplorer.seed.SeedValidationException;

/**
 * The commands beside the server: {@code import DIR}, {@code export DIR} and {@code token}. Import and export start
 * the application context without the HTTP server and without start-up seeding, against the same Neo4j the
 * service uses (NEO4J_URI, or the embedded store in EXPLORER_DATA_DIR, which the service must not hold open).
 */
public final class Cli {

    public static final Set<String> COMMANDS = Set.of("import", "export", "token", "help");

    private static final Set<String> IMPORT_OPTIONS = Set.of("--without-illustrative", "--restore");

    private static final String USAGE = """
            usage: java -jar partnership-explorer.jar                  start the service
                   java -jar partnership-explorer.jar import DIR [--without-illustrative] [--restore]
                                                                       load a seed folder: all of it or nothing;
                                                                       --restore keeps its updated_by and updated_at
                   java -jar partnership-explorer.jar export DIR        write the whole graph as a seed folder
                   java -jar partnership-explorer.jar token --subject NAME [--role editor] [--days 7]
                                                                       print a JWT signed with EXPLORER_JWT_SECRET
            """;

    private final PrintStream out;
    private final PrintStream err;

    Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs a command; answers the process exit code (0 done, 1 refused or failed, 2 wrong usage). */
    public static int run(String[] args) {
        return new Cli(System.out, System.err).execute(List.of(args), Map.of());
    }

    int execute(List<String> args, Map<String, Object> properties) {
        try {
            return switch (args.get(0)) {
                case "import" -> importSeed(args, properties);
                case "export" -> export(args, properties);
                case "token" -> token(args);
                default -> usage(null);
            };
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
    }

    private int importSeed(List<String> args, Map<String, Object> properties) {
        List<String> rest = args.subList(1, args.size());
        boolean illustrative = !rest.contains("--without-illustrative");
        boolean restore = rest.contains("--restore");
        rest.stream().filter(a -> a.startsWith("--") && !IMPORT_OPTIONS.contains(a)).findFirst().ifPresent(a -> {
            throw new IllegalArgumentException("unknown option " + a);
        });
        List<String> positional = rest.stream().filter(a -> !a.startsWith("--")).toList();
        if (positional.size() != 1) {
            throw new IllegalArgumentException("import takes one folder");
        }
        // as over HTTP, only a restore keeps the stamps the files carry; the command has no token, so the
        // importer is the account that runs it
        SeedLoader.Stamp stamp = restore ? null : new SeedLoader.Stamp(System.getProperty("user.name", "import"),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
        SeedSource source = SeedSource.directory(Path.of(positional.get(0)));
        ConsoleProgress bar = new ConsoleProgress(err);
        // known before the context starts: into a brand-new embedded store, the seed goes through Neo4j's offline
        // importer before the server starts (the importer's own phases shown on the same console as the bar)
        SeedImportRequest request = new SeedImportRequest(source, illustrative, stamp, bar, err);
        try (ApplicationContext context = start(properties, request)) {
            LoadReport report = context.getBean(SeedLoader.class).load(source, illustrative, stamp, bar);
            bar.finish();
            out.println(report.summary());
            return 0;
        } catch (RuntimeException e) {
            // refused before or while the server started (the offline import), or by the load itself
            RuntimeException refused = refusal(e);
            if (refused == null) {
                throw e;
            }
            bar.finish();
            if (refused instanceof Neo4jUnavailableException) {
                err.println("Neo4j cannot be reached: " + refused.getMessage() + "; nothing was written");
            } else {
                err.println(refused.getMessage());
            }
            return 1;
        }
    }

    /** The refusal a user is told about, wherever in the causes the context's start put it; null for any other failure. */
    private static RuntimeException refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SeedValidationException || t instanceof SeedImportException
                    || t instanceof org.partnershipexplorer.seed.LoadInProgressException
                    || t instanceof Neo4jUnavailableException) {
                return (RuntimeException) t;
            }
        }
        return null;
    }

    private int export(List<String> args, Map<String, Object> properties) {
        if (args.size() != 2) {
            throw new IllegalArgumentException("export takes one folder");
        }
        Path dir = Path.of(args.get(1));
        try (ApplicationContext context = start(properties)) {
            SeedExporter.ExportReport report = context.getBean(SeedExporter.class).toDirectory(dir);
            report.rows().forEach((file, rows) -> out.println(dir.resolve(file) + ": " + rows + " rows"));
            out.println("Exported " + report.total() + " rows in " + report.duration().toMillis() + " ms");
            return 0;
        } catch (Neo4jUnavailableException e) {
            err.println("Neo4j cannot be reached: " + e.getMessage());
            return 1;
        }
    }

    private int token(List<String> args) {
        String subject = null;
        List<String> roles = new ArrayList<>();
        long days = 7;
        for (int i = 1; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args.get(++i);
            switch (option) {
                case "--subject" -> subject = value;
                case "--role" -> roles.add(value);
                case "--days" -> days = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("token needs --subject");
        }
        String secret = System.getenv("EXPLORER_JWT_SECRET");
        if (secret == null || secret.isBlank()) {
            err.println("EXPLORER_JWT_SECRET is not set: the service would refuse every write, and no token can be signed");
            return 1;
        }
        try {
            out.println(Tokens.mint(secret, subject, roles.isEmpty() ? List.of("editor") : roles, Duration.ofDays(days)));
            return 0;
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private int usage(String problem) {
        if (problem != null) {
            err.println(problem);
        }
        err.print(USAGE);
        return problem == null ? 0 : 2;
    }

    /** The context without the HTTP server (nobody asks for it) and without start-up seeding; quiet logs. */
    private static ApplicationContext start(Map<String, Object> properties, Object... singletons) {
        Map<String, Object> all = new HashMap<>();
        all.put("explorer.seed.on-startup", "false");
        all.put("logger.levels.root", "WARN");
        all.putAll(properties);
        return ApplicationContext.builder().properties(all).singletons(singletons).start();
    }
}
