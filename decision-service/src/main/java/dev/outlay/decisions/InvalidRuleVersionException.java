package dev.outlay.decisions;

import java.util.List;

/** A version that must not be stored or run: its errors (and any warnings found on the way). */
public class InvalidRuleVersionException extends RuntimeException {

    private final transient List<ValidationMessage> messages;

    public InvalidRuleVersionException(String summary, List<ValidationMessage> messages) {
        super(summary);
        this.messages = List.copyOf(messages);
    }

    public List<ValidationMessage> messages() {
        return messages;
    }

    public List<ValidationMessage> errors() {
        return messages.stream().filter(ValidationMessage::isError).toList();
    }
}
