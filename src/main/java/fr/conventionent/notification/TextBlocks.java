package fr.conventionent.notification;

import java.util.ArrayList;
import java.util.List;

/**
 * A mail's text cut into what {@code courriel.html} draws: paragraphs (blank-line separated, one line break per
 * line) and lists (lines that start with "- "). Indentation is the text's layout, not the HTML's: it is dropped.
 */
public record TextBlocks(List<String> lignes, boolean liste) {

    static List<TextBlocks> of(String text) {
        List<TextBlocks> blocks = new ArrayList<>();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            List<String> lines = new ArrayList<>();
            boolean list = false;
            for (String raw : paragraph.split("\\n")) {
                String line = raw.strip();
                boolean item = line.startsWith("- ");
                if (item != list && !lines.isEmpty()) {
                    blocks.add(new TextBlocks(List.copyOf(lines), list));
                    lines.clear();
                }
                list = item;
                lines.add(item ? line.substring(2).strip() : line);
            }
            if (!lines.isEmpty()) {
                blocks.add(new TextBlocks(List.copyOf(lines), list));
            }
        }
        return blocks;
    }
}
