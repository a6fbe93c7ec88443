package io.github.drkit.runtime.archive;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A part of a file: the bytes {@code first..last}, both included, as in HTTP's {@code Range: bytes=first-last}.
 * Parsed from {@code 100-199}, {@code bytes=100-199}, {@code 100-} (to the end) or {@code -500} (the last 500
 * bytes); {@link #resolve(long, String)} pins it to an object's size.
 */
public record ByteRange(Long first, Long last, Long suffixLength) {
    private static final Pattern FORM = Pattern.compile("(?:bytes=)?(\\d*)-(\\d*)");

    public static ByteRange of(long first, long last) {
        if (first < 0 || last < first) {
            throw ArchiveException.invalid("range: first byte must be at least 0 and not after the last (got " + first + "-" + last + ")");
        }
        return new ByteRange(first, last, null);
    }

    public static ByteRange parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.trim());
        if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            throw ArchiveException.invalid("range must look like 100-199, 100- or -500 (bytes, both ends included; got '" + text + "')");
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0) {
                    throw ArchiveException.invalid("range: a suffix range needs at least 1 byte (got '" + text + "')");
                }
                return new ByteRange(null, null, suffix);
            }
            long first = Long.parseLong(m.group(1));
            if (m.group(2).isEmpty()) {
                return new ByteRange(first, null, null);
            }
            return of(first, Long.parseLong(m.group(2)));
        } catch (NumberFormatException e) {
            throw ArchiveException.invalid("range: byte positions must fit in 63 bits (got '" + text + "')");
        }
    }

    /** The exact bytes of an object of {@code size} bytes, or a clear error when the range lies outside it. */
    public ByteRange resolve(long size, String key) {
        if (size == 0) {
            throw ArchiveException.invalid("range " + this + " is outside '" + key + "': the object is empty (0 bytes)");
        }
        long lastByte = size - 1;
        if (suffixLength != null) {
            return of(Math.max(0, size - suffixLength), lastByte);
        }
        if (first > lastByte) {
            throw ArchiveException.invalid("range " + this + " is outside '" + key + "': it has " + size
                    + " bytes, so the last byte is " + lastByte);
        }
        if (last == null) {
            return of(first, lastByte);
        }
        if (last > lastByte) {
            throw ArchiveException.invalid("range " + this + " is outside '" + key + "': it has " + size
                    + " bytes, so the last byte is " + lastByte);
        }
        return this;
    }

    public long length() {
        if (first == null || last == null) {
            throw new IllegalStateException("resolve the range against the object size first");
        }
        return last - first + 1;
    }

    /** The HTTP Range header value. */
    public String header() {
        return "bytes=" + this;
    }

    @Override
    public String toString() {
        if (suffixLength != null) {
            return "-" + suffixLength;
        }
        return first + "-" + (last == null ? "" : last);
    }
}
