package org.partnershipexplorer.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.ServiceTest;

/**
 * docs/clients.md as a frontend developer runs it: the TypeScript client in clients/ generates its types from
 * schema.graphqls, compiles, and runs the guide's operations through Apollo Client and urql against this service
 * (persisted queries, pagination, node(id:), errors), checking their answers. Needs Node.js and npm on the PATH
 * (.ci/run installs them); installs the client's locked dependencies with {@code npm ci} when they are missing.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("the client guide's TypeScript client, against the service")
class ClientGuideIT implements ServiceTest {

    private static final Path CLIENTS = Path.of("clients");

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("micronaut.server.host", "127.0.0.1");
    }

    @Test
    @DisplayName("codegen, tsc, then every operation of the guide answers what the seed holds")
    void guideOperationsAnswerTheSeed() throws Exception {
        String node = require("node", "--version");
        require("npm", "--version");
        if (!Files.isDirectory(CLIENTS.resolve("node_modules"))) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 600);
            assertEquals(0, install.code(), "npm ci in clients/ failed:\n" + install.output());
        }
        String url = "http://127.0.0.1:" + server.getPort() + "/graphql";
        Result check = run(List.of("npm", "run", "check"), Map.of("EXPLORER_URL", url), 600);
        assertEquals(0, check.code(), "the client check (node " + node + ") failed:\n" + check.output());
        assertTrue(check.output().contains("client check: 12 checks passed against " + url), check.output());
    }

    /** The tool's version, or a failure that names what to install. */
    private static String require(String tool, String versionFlag) throws InterruptedException {
        try {
            Result version = run(List.of(tool, versionFlag), Map.of(), 60);
            if (version.code() == 0) {
                return version.output().strip();
            }
        } catch (IOException absent) {
            // reported below
        }
        fail(tool + " is not on the PATH: the client guide's check in clients/ needs Node.js 20 or later with npm"
                + " (on Debian: apt-get install nodejs npm, which .ci/run does)");
        return null;
    }

    private record Result(int code, String output) {
    }

    private static Result run(List<String> command, Map<String, String> environment, long timeoutSeconds)
            throws IOException, InterruptedException {
        File log = Files.createTempFile("client-check", ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENTS.toFile()).redirectErrorStream(true)
                .redirectOutput(log);
        builder.environment().putAll(environment);
        builder.environment().put("NO_COLOR", "1");
        Process process = builder.start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Result(-1, String.join(" ", command) + " took over " + timeoutSeconds + " s\n"
                        + Files.readString(log.toPath(), StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log.toPath());
        }
    }
}
