package org.culturecard.testsupport.logs;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * For log-forging tests (issue 11): a hostile value (CR/LF, a fake log line, ANSI escapes) put
 * into every string field of a wire message in turn, and an app's own {@code logback.xml} logging
 * to a captured console while the app handles them. {@link Capture#problems} says what was forged.
 */
public final class LogForging {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LogForging() {
    }

    /** CR/LF, then a line that looks like one of the app's own (its timestamp given), then ANSI colours and a lone CR. */
    public static String hostile(String forgedTimestamp) {
        return "x\r\n" + forgedTimestamp + " ERROR [main] FORGED - \u001b[31mowned\u001b[0m\rFORGED";
    }

    /** One copy of the JSON {@code message} per string field (nested ones too), that field replaced by {@code value}. */
    public static List<byte[]> everyStringField(byte[] message, String value) {
        try {
            JsonNode tree = JSON.readTree(message);
            List<List<Object>> paths = new ArrayList<>();
            collect(tree, new ArrayList<>(), paths);
            List<byte[]> copies = new ArrayList<>();
            for (List<Object> path : paths) {
                JsonNode copy = tree.deepCopy();
                JsonNode parent = copy;
                for (Object step : path.subList(0, path.size() - 1)) {
                    parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
                }
                Object last = path.get(path.size() - 1);
                if (last instanceof Integer i) {
                    ((ArrayNode) parent).set(i, value);
                } else {
                    ((ObjectNode) parent).put((String) last, value);
                }
                copies.add(JSON.writeValueAsBytes(copy));
            }
            return copies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode node, List<Object> path, List<List<Object>> paths) {
        if (node.isTextual()) {
            paths.add(List.copyOf(path));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.add(i);
                collect(node.get(i), path, paths);
                path.remove(path.size() - 1);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                path.add(field.getKey());
                collect(field.getValue(), path, paths);
                path.remove(path.size() - 1);
            }
        }
    }

    /**
     * Replaces the running Logback config with {@code appConfig} (the app's own, e.g. {@code
     * /logback.xml} from src/main/resources) writing to a captured {@code System.out}, and counts
     * every log event beside it. {@link Capture#close()} puts {@code testConfig} and the console back.
     */
    public static Capture capture(Class<?> anchor, String appConfig, String testConfig) {
        return new Capture(anchor.getResource(appConfig), anchor.getResource(testConfig));
    }

    /**
     * As {@link #capture(Class, String, String)}, with the configs' exact locations: where several
     * apps' {@code logback.xml} share one classpath (the whole-system tests), the one of the app under attack.
     */
    public static Capture capture(URL appConfig, URL testConfig) {
        return new Capture(appConfig, testConfig);
    }

    /** The captured console and the events logged meanwhile. */
    public static final class Capture implements AutoCloseable {
        private final ByteArrayOutputStream console = new ByteArrayOutputStream();
        private final PrintStream original = System.out;
        private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        private final ListAppender<ILoggingEvent> events = new ListAppender<>();
        private final URL testConfig;

        private Capture(URL appConfig, URL testConfig) {
            this.testConfig = testConfig;
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            configure(appConfig);
            events.setContext(logging);
            events.start();
            logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(events);
        }

        /** What the console shows so far. */
        public String console() {
            return console.toString(StandardCharsets.UTF_8);
        }

        /**
         * What was forged: a raw CR or ESC on the console, more lines that look like log events
         * ({@code eventLine}) than events logged, or a line starting with the forged marker. Empty
         * when nothing was; {@code mustContain} must appear (escaped) to show the values did reach the log.
         */
        public List<String> problems(Pattern eventLine, String mustContain) {
            String out = console();
            List<String> problems = new ArrayList<>();
            if (out.contains("\r") || out.contains("\u001b")) {
                problems.add("a raw CR or ESC reached the console");
            }
            long lines = out.lines().filter(l -> eventLine.matcher(l).matches()).count();
            if (lines != events.list.size()) {
                problems.add(lines + " lines look like log events, but " + events.list.size() + " events were logged");
            }
            out.lines().filter(l -> l.startsWith("FORGED")).findFirst().ifPresent(l -> problems.add("a line starts FORGED: " + l));
            if (!out.contains(mustContain)) {
                problems.add("the hostile values never reached the log as " + mustContain);
            }
            return problems;
        }

        @Override
        public void close() {
            System.setOut(original);
            configure(testConfig);
        }

        private void configure(URL config) {
            logging.reset();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(logging);
            try {
                configurator.doConfigure(config);
            } catch (JoranException e) {
                throw new IllegalStateException("cannot load " + config, e);
            }
        }
    }
}
