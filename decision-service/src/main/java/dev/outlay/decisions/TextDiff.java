package dev.outlay.decisions;

import java.util.ArrayList;
import java.util.List;

/** Line diff (longest common subsequence) for DRL versions: "-" lines only in a, "+" lines only in b, with line numbers. */
public final class TextDiff {

    public record Line(String op, Integer lineA, Integer lineB, String text) {
    }

    private TextDiff() {
    }

    public static List<Line> between(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        int[][] lcs = new int[x.length + 1][y.length + 1];
        for (int i = x.length - 1; i >= 0; i--) {
            for (int j = y.length - 1; j >= 0; j--) {
                lcs[i][j] = x[i].equals(y[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0, j = 0;
        while (i < x.length || j < y.length) {
            if (i < x.length && j < y.length && x[i].equals(y[j])) {
                i++;
                j++;
            } else if (j < y.length && (i == x.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.add(new Line("+", null, j + 1, y[j]));
                j++;
            } else {
                out.add(new Line("-", i + 1, null, x[i]));
                i++;
            }
        }
        return out;
    }
}
