package dev.outlay.actions;

import dev.outlay.api.problem.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connection validation: https only, no credentials in the URL, no internal addresses, kind-specific secrets. */
class IntegrationInputTest {

    static List<String> urlFaults(String url) {
        return new IntegrationInput("hook", "webhook", url, "0123456789abcdef", null).faults(false).stream()
                .filter(f -> "url".equals(f.field())).map(Problem.Fault::message).toList();
    }

    @Test
    void internalAndInsecureDestinationsAreRefused() {
        assertEquals(1, urlFaults("http://hooks.example.com/x").size(), "plain http");
        assertTrue(urlFaults("https://127.0.0.1/x").get(0).contains("non-public"));
        assertTrue(urlFaults("https://169.254.169.254/latest/meta-data").get(0).contains("non-public"), "cloud metadata");
        assertTrue(urlFaults("https://10.1.2.3/x").get(0).contains("non-public"));
        assertTrue(urlFaults("https://[::1]/x").get(0).contains("non-public"));
        assertTrue(urlFaults("https://[fd00::1]/x").get(0).contains("non-public"));
        assertTrue(urlFaults("https://user:pw@93.184.215.14/x").get(0).contains("credentials"));
        assertEquals(List.of(), urlFaults("https://93.184.215.14/hook"));
        // Test receivers on loopback are allowed only with allow-insecure-urls.
        assertEquals(List.of(), new IntegrationInput("hook", "webhook", "http://127.0.0.1:8089/x", "0123456789abcdef", null).faults(true));
    }

    @Test
    void slackNeedsABotTokenAndAChannel() {
        List<Problem.Fault> faults = new IntegrationInput("alerts", "slack", null, "0123456789abcdefgh", null).faults(false);
        assertEquals(List.of("secret", "channel"), faults.stream().map(Problem.Fault::field).toList());
        assertEquals(List.of(), new IntegrationInput("alerts", "slack", null, "xoxb-0123456789abcdef", "C0123").faults(false));
        assertEquals(IntegrationInput.SLACK_API, new IntegrationInput("alerts", "slack", null, "xoxb-0123456789abcdef", "C0123").effectiveUrl());
    }
}
