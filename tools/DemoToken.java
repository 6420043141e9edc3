import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Prints a bearer token for a demo installation, signed with the private key the service generated in its
 * data directory. Plain JDK only, so `./outlay token` works without building anything. Whoever can read the
 * data directory can mint demo tokens; outside demo mode the service does not trust this key.
 */
public class DemoToken {

    static final Set<String> ROLES = Set.of("admin", "finops_admin", "finance", "platform", "engineering",
            "leadership", "approver", "auditor");

    public static void main(String[] args) throws Exception {
        String tenant = "demo";
        String user = null;
        long ttlMinutes = 12 * 60;
        List<String> roles = new ArrayList<>();
        boolean operator = false;
        String dataDir = System.getenv().getOrDefault("OUTLAY_DATA_DIR", "data");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--tenant" -> { tenant = need(a, v); i++; }
                case "--role" -> { roles.add(need(a, v)); i++; }
                case "--user" -> { user = need(a, v); i++; }
                case "--ttl-minutes" -> { ttlMinutes = Long.parseLong(need(a, v)); i++; }
                case "--data-dir" -> { dataDir = need(a, v); i++; }
                // The platform operator (docs/tenant-provisioning.md): role outlay_operator and no tenant claim.
                case "--operator" -> operator = true;
                default -> fail("unknown option " + a + " (use --tenant, --role, --user, --ttl-minutes, --data-dir, --operator)");
            }
        }
        if (!tenant.matches("[a-z0-9][a-z0-9-]{0,62}")) fail("tenant must be a lowercase slug: " + tenant);
        for (String r : roles) if (!ROLES.contains(r)) fail("unknown role " + r + "; roles: " + String.join(", ", ROLES.stream().sorted().toList()));
        if (operator && !roles.isEmpty()) fail("--operator takes no --role: the operator holds no tenant role");
        if (operator) roles.add("outlay_operator");
        if (user == null) user = operator ? "demo-operator" : roles.isEmpty() ? "demo-user" : "demo-" + roles.get(0);

        Path keyFile = Path.of(dataDir, "keys", "jwt-private.pem");
        if (!Files.isRegularFile(keyFile)) fail("no demo signing key at " + keyFile + ": start the service once with ./outlay demo");
        String pem = Files.readString(keyFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));

        long now = Instant.now().getEpochSecond();
        StringBuilder groups = new StringBuilder("[");
        for (int i = 0; i < roles.size(); i++) groups.append(i == 0 ? "" : ",").append('"').append(roles.get(i)).append('"');
        groups.append(']');
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        // aud: the demo service expects "outlay" (dev.outlay.demo.DemoAudience) and refuses tokens without it.
        String claims = "{\"iss\":\"outlay-demo\",\"aud\":\"outlay\",\"sub\":\"" + user + "\",\"upn\":\"" + user + "\""
                + (operator ? "" : ",\"tenant\":\"" + tenant + "\"") + ",\"groups\":" + groups + ",\"iat\":" + now + ",\"exp\":" + (now + ttlMinutes * 60)
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        if (!user.matches("[A-Za-z0-9._@-]{1,128}")) fail("user may use letters, digits and . _ @ - only");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature sig = Signature.getInstance("SHA256withRSA");
        sig.initSign(key);
        sig.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + b64.encodeToString(sig.sign()));
    }

    static String need(String option, String value) {
        if (value == null) fail(option + " needs a value");
        return value;
    }

    static void fail(String message) {
        System.err.println("outlay token: " + message);
        System.exit(2);
    }
}
