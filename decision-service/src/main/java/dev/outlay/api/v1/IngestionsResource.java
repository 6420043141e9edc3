package dev.outlay.api.v1;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.connectors.invoice.InvoiceTemplates;
import dev.outlay.ingestion.DryRunService;
import dev.outlay.ingestion.Ingestion;
import dev.outlay.ingestion.IngestionRepository;
import dev.outlay.ingestion.IngestionService;
import dev.outlay.ingestion.RetractionService;
import dev.outlay.model.SourceKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.resteasy.plugins.providers.multipart.InputPart;
import org.jboss.resteasy.plugins.providers.multipart.MultipartFormDataInput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Billing file uploads (multipart: source, file, optional mapping, connection and replay) and the ingestion manifest. */
@Path("/api/v1/ingestions")
@Produces(MediaType.APPLICATION_JSON)
public class IngestionsResource {

    private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]*)\"?");

    @Inject
    IngestionService service;

    @Inject
    IngestionRepository manifest;

    @Inject
    RetractionService retractions;

    @Inject
    DryRunService dryRuns;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"admin", "finops_admin"})
    public Response upload(MultipartFormDataInput form) {
        Map<String, List<InputPart>> parts = form.getFormDataMap();
        SourceKind kind = kind(parts);
        InputPart file = file(parts);
        String name = fileName(file);
        try (InputStream body = file.getBody(InputStream.class, null)) {
            var req = new IngestionService.Request(kind, text(parts, "connection"), name, mapping(parts), replay(parts));
            UUID id = service.submit(req, body).id();
            Ingestion accepted = manifest.find(id).orElseThrow();
            return Response.accepted(accepted).location(UriBuilder.fromPath("/api/v1/ingestions/{id}").build(id)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the file as {@link #upload} would and answers what a load would do, writing nothing: rows and totals
     * per billing period, flagged rows, the first canonical rows ({@code sample}, default 10), the ledger rows it
     * would replace and whether it would be a duplicate. A format fault answers 422 with its line and column.
     */
    @POST
    @Path("dry-run")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"admin", "finops_admin"})
    public DryRunService.DryRun dryRun(MultipartFormDataInput form) {
        Map<String, List<InputPart>> parts = form.getFormDataMap();
        SourceKind kind = kind(parts);
        InputPart file = file(parts);
        int sample = 10;
        String sampleText = text(parts, "sample");
        if (sampleText != null) {
            try {
                sample = Integer.parseInt(sampleText.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("sample must be a number", Problem.Fault.at("sample", "0 to " + DryRunService.MAX_SAMPLE));
            }
        }
        try (InputStream body = file.getBody(InputStream.class, null)) {
            return dryRuns.run(new IngestionService.Request(kind, text(parts, "connection"), fileName(file), mapping(parts)),
                    template(parts), body, sample);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public Ingestion get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("ingestion " + id);
        }
        return manifest.find(uuid).orElseThrow(() -> ProblemException.notFound("ingestion " + id));
    }

    @GET
    @RolesAllowed({"admin", "finops_admin", "finance", "platform", "engineering", "leadership", "auditor"})
    public List<Ingestion> list(@QueryParam("status") String status, @QueryParam("source") String source,
                                @QueryParam("limit") @DefaultValue("100") int limit) {
        if (status != null && !Ingestion.STATUSES.contains(status)) {
            throw ProblemException.badRequest("unknown status '" + status + "'", Problem.Fault.at("status", String.join(", ", Ingestion.STATUSES)));
        }
        return manifest.list(status, source == null || source.isBlank() ? null : source, Math.max(1, Math.min(limit, 1000)));
    }

    public record RetractRequest(String reason) {
    }

    /** Takes a loaded file's rows out of the ledger (the wrong file, the wrong source); the reason is recorded. */
    @POST
    @Path("{id}/retract")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finops_admin"})
    public Ingestion retract(@PathParam("id") String id, RetractRequest body) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("ingestion " + id);
        }
        return retractions.retract(uuid, body == null ? null : body.reason());
    }

    private static SourceKind kind(Map<String, List<InputPart>> parts) {
        String sourceText = text(parts, "source");
        if (sourceText == null) throw ProblemException.badRequest("source is required", Problem.Fault.at("source", "aws-cur, focus or invoice-csv"));
        try {
            return SourceKind.parse(sourceText.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage(), Problem.Fault.at("source", e.getMessage()));
        }
    }

    /** The {@code mapping} part, or the YAML of the bundled mapping the {@code template} part names (not both). */
    private static String mapping(Map<String, List<InputPart>> parts) {
        String template = template(parts);
        if (template == null) return text(parts, "mapping");
        if (text(parts, "mapping") != null) {
            throw ProblemException.badRequest("send a mapping or a template, not both", Problem.Fault.at("template", "omit it or the mapping"));
        }
        return InvoiceTemplates.text(template);
    }

    /** The bundled mapping the {@code template} part names, checked, or null. */
    private static String template(Map<String, List<InputPart>> parts) {
        String template = text(parts, "template");
        if (template == null) return null;
        return InvoiceTemplates.find(template.trim()).map(InvoiceTemplates.Template::name).orElseThrow(() -> ProblemException.badRequest(
                "unknown mapping template '" + template.trim() + "'", Problem.Fault.at("template", String.join(", ", InvoiceTemplates.NAMES))));
    }

    private static InputPart file(Map<String, List<InputPart>> parts) {
        List<InputPart> files = parts.get("file");
        if (files == null || files.isEmpty()) throw ProblemException.badRequest("file is required", Problem.Fault.at("file", "a billing file part"));
        return files.get(0);
    }

    /** {@code replay=true} loads bytes already loaded under the same mapping again instead of reporting a duplicate. */
    private static boolean replay(Map<String, List<InputPart>> parts) {
        String v = text(parts, "replay");
        if (v == null || v.trim().equals("false")) return false;
        if (v.trim().equals("true")) return true;
        throw ProblemException.badRequest("replay must be true or false", Problem.Fault.at("replay", "true or false"));
    }

    private static String text(Map<String, List<InputPart>> parts, String name) {
        List<InputPart> p = parts.get(name);
        if (p == null || p.isEmpty()) return null;
        try {
            String s = p.get(0).getBodyAsString();
            return s == null || s.isBlank() ? null : s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(InputPart part) {
        String cd = part.getHeaders().getFirst("Content-Disposition");
        if (cd != null) {
            Matcher m = FILENAME.matcher(cd);
            if (m.find() && !m.group(1).isBlank()) {
                String n = m.group(1);
                return n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
            }
        }
        return "upload.csv";
    }
}
