package org.partnershipexplorer.transfer;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.http.server.netty.multipart.MultipartBodyArgumentBinder;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.partnershipexplorer.access.Access;
import org.partnershipexplorer.access.Caller;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.ErrorCode;
import org.partnershipexplorer.graphql.HttpErrors;
import org.partnershipexplorer.neo4j.Neo4jUnavailableException;
import org.partnershipexplorer.seed.LoadReport;
import org.partnershipexplorer.seed.SeedExporter;
import org.partnershipexplorer.seed.SeedLoader;
import org.partnershipexplorer.subscription.Change;
import org.partnershipexplorer.subscription.ChangeLog;
import org.partnershipexplorer.seed.SeedValidationException;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /import} (a seed as CSV files or zips in multipart form data, or one zip as the body; all or nothing)
 * and {@code GET /export} (the whole graph as a zip of seed files). Both need a bearer token with the role editor: an export holds everything, and an import
 * replaces rows. access/RouteAccess refuses them before they get here; each method checks again, so that a change
 * of routing or of the security rules can never open them (writes disabled means no import and no export).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class TransferController {

    private static final Logger LOG = LoggerFactory.getLogger(TransferController.class);
    /** The body type of a zip sent as such, the type the export answers with. */
    static final String ZIP = "application/zip";

    private final SeedLoader loader;
    private final SeedExporter exporter;
    private final Access access;
    private final UploadLimits limits;
    private final MultipartBodyArgumentBinder multipart;
    private final ChangeLog changes;

    TransferController(SeedLoader loader, SeedExporter exporter, Access access, UploadLimits limits,
            BeanProvider<NettyHttpServerConfiguration> server, ChangeLog changes) {
        this.changes = changes;
        this.loader = loader;
        this.exporter = exporter;
        this.access = access;
        this.limits = limits;
        // the binder behind a @Body MultipartBody parameter, which the registry hands out only for that annotation
        this.multipart = new MultipartBodyArgumentBinder(server);
    }

    /** The refusal for a caller that is not an editor (or when writes are disabled); empty when the caller may. */
    private Optional<HttpResponse<Map<String, Object>>> refusal(HttpRequest<?> request) {
        try {
            access.requireEditor(Caller.of(request));
            return Optional.empty();
        } catch (ApiException e) {
            HttpStatus status = e.code() == ErrorCode.UNAUTHENTICATED ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN;
            return Optional.of(HttpResponse.<Map<String, Object>>status(status).body(Map.of("message", e.getMessage())));
        }
    }

    /**
     * A seed as multipart form data (CSV files, or zips of them: {@code curl -F "files=@seed.zip"}) or as one zip in
     * the body, as the export answers it ({@code curl -H "Content-Type: application/zip" --data-binary @backup}).
     *
     * <p>One route for both: two routes of one path and method leave a request without a content type matching both,
     * and the router refuses it as ambiguous (400) before the security rules could answer 401. So the body is bound
     * here, by its content type: a zip is read as it is, multipart by the binder Micronaut would have used for a
     * {@code @Body MultipartBody} parameter.
     *
     * @param illustrative false leaves out rows of confidence illustrative, as EXPLORER_SEED_ILLUSTRATIVE=false does
     * @param restore      true keeps the {@code updated_by} and {@code updated_at} the files carry (a backup put
     *                     back); otherwise every row is stamped with the importer and the time of the import
     */
    @Post(value = "/import", consumes = {MediaType.MULTIPART_FORM_DATA, ZIP}, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> importSeed(HttpRequest<?> request, @Nullable Authentication authentication,
            @QueryValue(defaultValue = "true") boolean illustrative,
            @QueryValue(defaultValue = "false") boolean restore) {
        Optional<HttpResponse<Map<String, Object>>> refused = refusal(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        boolean zip = request.getContentType().map(type -> type.matches(MediaType.of(ZIP))).orElse(false);
        if (!zip && request.getContentType().isEmpty()) {
            // the router lets a body without a type through to a route that names its types; nothing to read
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(Map.of("message",
                    "no Content-Type: send multipart/form-data (CSV files or zips) or one zip as application/zip"));
        }
        return load(request, authentication, illustrative, restore, upload -> {
            if (zip) {
                try (InputStream in = ((ServerHttpRequest<?>) request).byteBody().toInputStream()) {
                    upload.add("upload.zip", in);
                } catch (IOException e) {
                    throw new Upload.BadUpload("the upload could not be read: " + e.getMessage());
                }
            } else {
                receive(multipart(request), upload);
            }
        });
    }

    private MultipartBody multipart(HttpRequest<?> request) {
        return multipart.bind(ConversionContext.of(Argument.of(MultipartBody.class)), request).getValue()
                .orElseThrow(() -> new Upload.BadUpload("the upload is not multipart form data"));
    }

    private HttpResponse<?> load(HttpRequest<?> request, @Nullable Authentication authentication,
            boolean illustrative, boolean restore, Consumer<Upload> receive) {
        String subject = authentication == null ? "import" : authentication.getName();
        try (Upload upload = Upload.create(limits)) {
            receive.accept(upload);
            if (upload.files().isEmpty()) {
                throw new Upload.BadUpload("no file in the upload: send CSV files of the seed format or one zip of them");
            }
            SeedLoader.Stamp stamp = restore ? null
                    : new SeedLoader.Stamp(subject, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
            LoadReport report = loader.load(upload, illustrative, stamp, org.partnershipexplorer.seed.SeedProgress.NONE);
            // committed: subscribers of every instance hear of the import (dataChanged)
            changes.appendCommitted(Change.New.imported(String.join(", ", upload.files()) + (restore ? " (restore)" : ""),
                    subject));
            LOG.info("Import by {} of {}{}: {}", subject, upload.files(), restore ? " (restore)" : "", report.summary());
            return HttpResponse.ok(report(report, subject, restore));
        } catch (UploadRefused e) {
            LOG.info("Import by {} refused: {}", subject, e.getMessage());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("limit", e.limit().key());
            details.put("max", e.max());
            if (e.entry() != null) {
                details.put("entry", e.entry());
            }
            if (e.line() > 0) {
                details.put("line", e.line());
            }
            return HttpErrors.response(e.limit().size ? HttpStatus.REQUEST_ENTITY_TOO_LARGE : HttpStatus.BAD_REQUEST,
                    ErrorCode.BAD_USER_INPUT, e.getMessage(), details, HttpErrors.requestId(request));
        } catch (Upload.BadUpload e) {
            return HttpResponse.<Map<String, Object>>status(HttpStatus.BAD_REQUEST).body(Map.of("message", e.getMessage()));
        } catch (SeedValidationException e) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("message", "The seed has " + (e.getErrors().size() + e.getOmitted()) + " errors; nothing was written");
            answer.put("errors", e.getErrors().stream().map(error -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("file", error.file());
                one.put("line", error.line());
                one.put("column", error.column());
                one.put("message", error.message());
                one.put("text", error.toString());
                return one;
            }).toList());
            answer.put("omitted", e.getOmitted());
            return HttpResponse.<Map<String, Object>>status(HttpStatus.UNPROCESSABLE_ENTITY).body(answer);
        } catch (org.partnershipexplorer.seed.LoadInProgressException e) {
            return HttpResponse.<Map<String, Object>>status(HttpStatus.CONFLICT).body(Map.of("message", e.getMessage()));
        } catch (Neo4jUnavailableException e) {
            return HttpResponse.<Map<String, Object>>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("message", "The graph database cannot be reached; nothing was written"));
        }
    }

    @Get(value = "/export", produces = ZIP)
    HttpResponse<?> export(HttpRequest<?> request) throws IOException {
        Optional<HttpResponse<Map<String, Object>>> refused = refusal(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        Path zip = Files.createTempFile("export-", ".zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            exporter.toZip(out);
        } catch (RuntimeException e) {
            Files.deleteIfExists(zip);
            throw e;
        }
        // the temporary file goes once the response has been streamed
        InputStream in = new FileInputStream(zip.toFile()) {
            @Override
            public void close() throws IOException {
                super.close();
                Files.deleteIfExists(zip);
            }
        };
        return HttpResponse.ok(new StreamedFile(in, MediaType.of(ZIP))
                .attach("partnership-explorer-seed.zip"));
    }

    private static Map<String, Object> report(LoadReport report, String subject, boolean restore) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("importedBy", subject);
        answer.put("restore", restore);
        answer.put("files", report.files().stream().map(f -> Map.of("file", f.file(), "read", f.read(),
                "skipped", f.skipped(), "written", f.written())).toList());
        answer.put("rowsRead", report.rowsRead());
        answer.put("nodes", report.nodes());
        answer.put("relationships", report.relationships());
        answer.put("durationMs", report.duration().toMillis());
        return answer;
    }

    /** Keeps every part; the upload is read on the blocking executor, so waiting for it blocks no event loop. */
    private static void receive(MultipartBody body, Upload upload) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        body.subscribe(new Subscriber<CompletedPart>() {
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(CompletedPart part) {
                try {
                    if (part instanceof CompletedFileUpload file) {
                        try (InputStream in = file.getInputStream()) {
                            upload.add(file.getFilename(), in);
                        }
                    }
                    subscription.request(1);
                } catch (RuntimeException | IOException e) {
                    subscription.cancel();
                    done.completeExceptionally(e);
                }
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        try {
            done.get(10, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Upload.BadUpload bad) {
                throw bad;
            }
            if (e.getCause() instanceof UploadRefused refused) {
                throw refused;
            }
            throw new Upload.BadUpload("the upload could not be read: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new Upload.BadUpload("the upload took too long");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
