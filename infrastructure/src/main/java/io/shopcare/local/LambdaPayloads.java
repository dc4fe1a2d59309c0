package io.shopcare.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Payload bytes to a handler's input and its answer back to bytes, exactly as the Lambda Java
 * runtime does it: aws-lambda-java-serialization's event serializers for the event classes
 * (their JSON names differ from the Java bean names), its Jackson factory for anything else.
 */
final class LambdaPayloads {
    private static final Map<Type, PojoSerializer<Object>> SERIALIZERS = new ConcurrentHashMap<>();

    private LambdaPayloads() {
    }

    static Object read(Type type, byte[] json) {
        return serializer(type).fromJson(new ByteArrayInputStream(json));
    }

    /** The answer as the runtime writes it; {@code null} becomes the JSON {@code null}. */
    static byte[] write(Type declared, Object value) {
        if (value == null) {
            return "null".getBytes(StandardCharsets.UTF_8);
        }
        // The declared class when there is one (the runtime serializes by the handler's O), else the value's.
        Type type = declared instanceof Class<?> c && c != Object.class && c.isInstance(value) ? c : value.getClass();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer(type).toJson(value, out);
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Type type) {
        return SERIALIZERS.computeIfAbsent(type, t -> {
            if (t instanceof Class<?> c && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())) {
                return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(c, c.getClassLoader());
            }
            return JacksonFactory.getInstance().getSerializer(t);
        });
    }

    /**
     * The {@code I} (index 0) or {@code O} (index 1) of the {@code RequestHandler<I, O>} a class
     * implements, looked up through its superclasses; null when erased (a lambda, a raw type).
     */
    static Type handlerTypeArgument(Class<?> handlerClass, int index) {
        for (Class<?> c = handlerClass; c != null; c = c.getSuperclass()) {
            for (Type implemented : c.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    Type argument = p.getActualTypeArguments()[index];
                    return argument instanceof Class<?> || argument instanceof ParameterizedType ? argument : null;
                }
            }
        }
        return null;
    }
}
