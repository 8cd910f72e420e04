package io.github.ontapkafka.iscsi.demo;

/** ANSI colours for the console, or none: plain text where colours would show as escape codes. */
record Palette(boolean enabled) {

    static final Palette PLAIN = new Palette(false);

    enum Colour {
        BOLD("1"), DIM("2"), RED("31"), GREEN("32"), YELLOW("33"), CYAN("36");

        private final String code;

        Colour(String code) {
            this.code = code;
        }
    }

    String paint(Colour colour, String text) {
        return enabled ? "\u001b[" + colour.code + "m" + text + "\u001b[0m" : text;
    }
}
