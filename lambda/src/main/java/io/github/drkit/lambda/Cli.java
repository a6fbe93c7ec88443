package io.github.drkit.lambda;

/** Placeholder entry point until the recovery runtime lands. */
public final class Cli {
    private Cli() {
    }

    public static void main(String[] args) {
        System.out.println("drkit-lambda");
    }
}
