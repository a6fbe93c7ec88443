package io.github.drkit.runtime.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Injection safety of the inventory search's SQL, as properties: whatever a key or prefix holds, it reads back as one
 * string literal holding exactly that value, and the query around it, token by token, is the same as for a plain value.
 * The lexer here follows Trino's grammar for what the query uses: quoted identifiers, string and Unicode string
 * literals, numbers, words and symbols, and comments (which must never appear).
 */
class InventorySqlProperties {

    @Provide
    Arbitrary<String> values() {
        // Weighted towards what breaks SQL: quotes, backslashes, comment openers, LIKE wildcards, control characters.
        Arbitrary<String> nasty = Arbitraries.of("'", "''", "\\", "--", "/*", "*/", "%", "_", "\"", ";", "\n", "\u0000", "\u001B", "U&'",
                "😀", "é", " ", "/", "a", "OR 1=1");
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(6)
                .filter(s -> s.codePoints().allMatch(Character::isValidCodePoint) && validSurrogates(s));
        return Arbitraries.oneOf(nasty, any).list().ofMinSize(1).ofMaxSize(8).map(parts -> String.join("", parts))
                // An empty key or prefix means none (the builder drops it).
                .filter(s -> !s.isEmpty());
    }

    private static boolean validSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 2000)
    void literal_whenAnyValue_isOneTokenHoldingExactlyIt(@ForAll("values") String value) {
        String literal = InventorySql.literal(value);

        List<Token> tokens = lex(literal);

        assertEquals(1, tokens.size(), literal);
        assertEquals(Kind.STRING, tokens.get(0).kind(), literal);
        assertEquals(value, tokens.get(0).text(), literal);
    }

    @Property(tries = 1000)
    void search_whenAnyKeyOrPrefix_hasTheSameShapeAsForAPlainOne(@ForAll("values") String key, @ForAll("values") String prefix) {
        SearchCriteria plainKey = SearchCriteria.builder().key("k").build();
        SearchCriteria anyKey = SearchCriteria.builder().key(key).build();
        SearchCriteria plainPrefix = SearchCriteria.builder().prefix("p").storageClass("GLACIER").build();
        // A blank storage class means none (the builder drops it), so it is a value only when it is not blank.
        SearchCriteria anyPrefix = SearchCriteria.builder().prefix(prefix).storageClass(key.isBlank() ? "GLACIER" : key).build();

        assertEquals(shape(sql(plainKey)), shape(sql(anyKey)));
        assertEquals(shape(sql(plainPrefix)), shape(sql(anyPrefix)));
        List<String> literals = literals(sql(anyKey));
        assertEquals(key, literals.get(literals.indexOf("2026-11-24-01-00") + 1), "the key's literal, after the snapshot's");
    }

    private static String sql(SearchCriteria c) {
        return InventorySql.search(c, "records_inventory", "archive", "2026-11-24-01-00");
    }

    /** The query's tokens with every string literal reduced to a placeholder. */
    private static List<String> shape(String sql) {
        return lex(sql).stream().map(t -> t.kind() == Kind.STRING ? "<string>" : t.kind() + ":" + t.text()).toList();
    }

    private static List<String> literals(String sql) {
        return lex(sql).stream().filter(t -> t.kind() == Kind.STRING).map(Token::text).toList();
    }

    enum Kind { STRING, IDENTIFIER, WORD, NUMBER, SYMBOL }

    record Token(Kind kind, String text) {
    }

    /** Trino's lexer, as far as this query needs; a comment or an unterminated literal fails the property. */
    static List<Token> lex(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i) || sql.startsWith("/*", i)) {
                throw new AssertionError("a comment at " + i + " of " + sql);
            } else if (c == '\'' || sql.startsWith("U&'", i)) {
                boolean unicode = c != '\'';
                int j = i + (unicode ? 3 : 1);
                StringBuilder raw = new StringBuilder();
                while (true) {
                    if (j >= sql.length()) {
                        throw new AssertionError("an unterminated literal at " + i + " of " + sql);
                    }
                    if (sql.charAt(j) == '\'') {
                        if (j + 1 < sql.length() && sql.charAt(j + 1) == '\'') {
                            raw.append('\'');
                            j += 2;
                            continue;
                        }
                        j++;
                        break;
                    }
                    raw.append(sql.charAt(j++));
                }
                out.add(new Token(Kind.STRING, unicode ? unescape(raw.toString()) : raw.toString()));
                i = j;
            } else if (c == '"') {
                int end = sql.indexOf('"', i + 1);
                out.add(new Token(Kind.IDENTIFIER, sql.substring(i + 1, end)));
                i = end + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                    j++;
                }
                out.add(new Token(Kind.WORD, sql.substring(i, j)));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < sql.length() && Character.isDigit(sql.charAt(j))) {
                    j++;
                }
                out.add(new Token(Kind.NUMBER, sql.substring(i, j)));
                i = j;
            } else {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return out;
    }

    /** Trino's Unicode escapes with the default escape character: {@code \XXXX}, {@code \+XXXXXX}, {@code \\}. */
    private static String unescape(String raw) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
            } else if (raw.charAt(i + 1) == '\\') {
                out.append('\\');
                i++;
            } else if (raw.charAt(i + 1) == '+') {
                out.appendCodePoint(Integer.parseInt(raw.substring(i + 2, i + 8), 16));
                i += 7;
            } else {
                out.appendCodePoint(Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                i += 4;
            }
        }
        return out.toString();
    }
}
