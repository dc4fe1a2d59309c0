package io.shopcare.local.bench.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main of the fresh JVM the cold-start bench starts per run, on the functions artifact's class
 * path (plus the runtime's serialization library, as in Lambda): builds the handler as Lambda does
 * (no-argument constructor, configuration from the environment), reads the event with the
 * runtime's own deserializers, answers once and prints the answer after {@link #ANSWER}. The bench
 * times the run from outside, from process start to that line.
 *
 * <p>Only JDK, Lambda core and serialization classes are used here, so this class adds nothing to
 * what a handler loads but itself. Arguments: handler class, function name, event file, timeout
 * seconds. After the answer it prints {@link #TIMING}: milliseconds from main to the handler built,
 * from main to the answer, and the process's CPU time until the answer.
 */
public final class FirstAnswer {
    /** Starts the line that carries the serialized answer. */
    public static final String ANSWER = "@@answer ";
    /** Starts the line with the in-process timing, printed after the answer. */
    public static final String TIMING = "@@timing ";

    private FirstAnswer() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Object handler = Class.forName(args[0]).getConstructor().newInstance();
        long built = System.nanoTime();
        byte[] event = Files.readAllBytes(Path.of(args[2]));
        byte[] answer = answer(handler, event, new BenchContext(args[1], Integer.parseInt(args[3])));
        long answered = System.nanoTime();
        System.out.println(ANSWER + new String(answer, StandardCharsets.UTF_8));
        System.out.flush();
        Answered.mark();
        // CPU time (all threads: JIT and GC too) is what a Lambda sandbox's fraction of a CPU pays
        // for, and it is far less disturbed than wall time by other work on a shared machine. Read
        // after the answer and its mark, so reading it adds nothing to the time or classes measured.
        long cpuNanos = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L);
        System.out.println(TIMING + (built - start) / 1_000_000.0 + " " + (answered - start) / 1_000_000.0 + " "
                + cpuNanos / 1_000_000.0);
        System.out.flush();
        // Handlers may hold non-daemon threads (as a Lambda sandbox may): the run ends here.
        System.exit(0);
    }

    @SuppressWarnings("unchecked")
    private static byte[] answer(Object handler, byte[] event, Context context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (handler instanceof RequestStreamHandler stream) {
            stream.handleRequest(new ByteArrayInputStream(event), out, context);
            return out.toByteArray();
        }
        RequestHandler<Object, Object> typed = (RequestHandler<Object, Object>) handler;
        Object input = serializer(typeArgument(handler.getClass(), 0)).fromJson(new ByteArrayInputStream(event));
        Object output = typed.handleRequest(input, context);
        if (output == null) {
            return "null".getBytes(StandardCharsets.UTF_8);
        }
        Type declared = typeArgument(handler.getClass(), 1);
        serializer(declared instanceof Class<?> c && c.isInstance(output) ? c : output.getClass()).toJson(output, out);
        return out.toByteArray();
    }

    /** As the Lambda Java runtime chooses: the event serializers for event classes, Jackson for the rest. */
    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Type type) {
        if (type instanceof Class<?> c && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(c, c.getClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /** The I (0) or O (1) of the {@code RequestHandler<I, O>} the class or a superclass implements. */
    private static Type typeArgument(Class<?> handlerClass, int index) {
        for (Class<?> c = handlerClass; c != null; c = c.getSuperclass()) {
            for (Type implemented : c.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    return p.getActualTypeArguments()[index];
                }
            }
        }
        return Object.class;
    }

    /**
     * Loaded right after the answer: in a {@code -Xlog:class+load} log, the classes listed before
     * this one are the classes the first answer needed.
     */
    static final class Answered {
        private Answered() {
        }

        static void mark() {
            // loading the class is the mark
        }
    }

    private record BenchContext(String function, long deadline) implements Context {
        BenchContext(String function, int timeoutSeconds) {
            this(function, System.currentTimeMillis() + timeoutSeconds * 1000L);
        }

        @Override
        public String getAwsRequestId() {
            return "00000000-0000-0000-0000-coldstart000";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/coldstart";
        }

        @Override
        public String getLogStreamName() {
            return "coldstart";
        }

        @Override
        public String getFunctionName() {
            return function;
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:local:000000000000:function:coldstart";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return (int) Math.max(0, deadline - System.currentTimeMillis());
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return StandardOutputLogger.INSTANCE;
        }
    }

    private static final class StandardOutputLogger implements LambdaLogger {
        static final StandardOutputLogger INSTANCE = new StandardOutputLogger();

        @Override
        public void log(String message) {
            System.out.println(message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
