package dev.outlay.decisions;

/** How a rule set is written: a DMN model (XML) or Drools rule language text. */
public enum RuleKind {
    DMN, DRL;

    /** Guesses the kind of posted content: DMN documents are XML, everything else is treated as DRL text. */
    public static RuleKind sniff(String content) {
        String head = content.stripLeading();
        return head.startsWith("<") ? DMN : DRL;
    }
}
