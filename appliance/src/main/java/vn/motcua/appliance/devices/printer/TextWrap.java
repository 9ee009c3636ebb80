package vn.motcua.appliance.devices.printer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** Greedy word wrap to a pixel width (pure, given a width measure); over-long words are broken. */
final class TextWrap {
    private TextWrap() {}

    static List<String> wrap(String text, int maxWidth, ToIntFunction<String> measure) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = cur.isEmpty() ? word : cur + " " + word;
            if (measure.applyAsInt(candidate) <= maxWidth) {
                cur.setLength(0);
                cur.append(candidate);
                continue;
            }
            if (!cur.isEmpty()) {
                lines.add(cur.toString());
                cur.setLength(0);
            }
            // a single word wider than the line: break it by code points
            int start = 0;
            for (int i = word.offsetByCodePoints(0, 1); i <= word.length(); ) {
                if (measure.applyAsInt(word.substring(start, i)) > maxWidth && i - start > 1) {
                    int prev = word.offsetByCodePoints(i, -1);
                    lines.add(word.substring(start, prev));
                    start = prev;
                }
                if (i == word.length()) {
                    break;
                }
                i = word.offsetByCodePoints(i, 1);
            }
            cur.append(word, start, word.length());
        }
        if (!cur.isEmpty()) {
            lines.add(cur.toString());
        }
        return lines;
    }
}
