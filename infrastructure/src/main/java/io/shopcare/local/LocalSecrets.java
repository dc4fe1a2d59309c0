package io.shopcare.local;

import io.shopcare.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The template's {@code AWS::SecretsManager::Secret}s with their versions, as Secrets Manager keeps
 * them: a generated value (GenerateSecretString) or the given SecretString as the first version,
 * labelled AWSCURRENT; {@link #put} adds a version that becomes AWSCURRENT while the old one becomes
 * AWSPREVIOUS. With a data dir every secret is {@code DIR/secrets/<logicalId>.json}, readable by its
 * owner only, and reused on the next start, so links signed before a restart still verify.
 */
final class LocalSecrets {
    static final String CURRENT = "AWSCURRENT";
    static final String PREVIOUS = "AWSPREVIOUS";
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private final Map<String, Secret> byLogicalId = new LinkedHashMap<>();
    private final Path dir;

    /** One version of a secret's value. */
    record Version(String versionId, String secretString, Instant created, List<String> stages) {
    }

    /** A secret and its versions, oldest first. */
    static final class Secret {
        private final Template.Secret definition;
        private final List<Version> versions = new ArrayList<>();

        private Secret(Template.Secret definition) {
            this.definition = definition;
        }

        String logicalId() {
            return definition.logicalId();
        }

        String name() {
            return definition.name();
        }

        String arn() {
            return definition.arn();
        }

        String description() {
            return definition.description();
        }
    }

    /** Thrown for a SecretId no secret answers to. */
    static final class NotFound extends RuntimeException {
        NotFound(String id) {
            super("Secrets Manager can't find the specified secret: " + id);
        }
    }

    /** Thrown when a ClientRequestToken is reused with another value. */
    static final class VersionConflict extends RuntimeException {
        VersionConflict(String versionId) {
            super("a version with ID " + versionId + " already exists with another value");
        }
    }

    private LocalSecrets(Path dir) {
        this.dir = dir;
    }

    /** The secrets of the template; with {@code dataDir}, those saved there are reused, new ones saved. */
    static LocalSecrets open(List<Template.Secret> definitions, Path dataDir) {
        LocalSecrets secrets = new LocalSecrets(dataDir == null ? null : dataDir.resolve("secrets"));
        for (Template.Secret definition : definitions) {
            Secret secret = new Secret(definition);
            secrets.byLogicalId.put(definition.logicalId(), secret);
            if (!secrets.load(secret)) {
                String value = definition.secretString() != null ? definition.secretString() : generate(definition);
                secret.versions.add(new Version(UUID.randomUUID().toString(), value, Instant.now(),
                        List.of(CURRENT)));
                secrets.save(secret);
            }
        }
        return secrets;
    }

    synchronized List<Secret> all() {
        return List.copyOf(byLogicalId.values());
    }

    /** The secret a SecretId names: its logical id, its name, its ARN or that ARN without the random suffix. */
    synchronized Secret find(String id) {
        for (Secret secret : byLogicalId.values()) {
            String arn = secret.arn();
            if (id.equals(secret.logicalId()) || id.equals(secret.name()) || id.equals(arn)
                    || id.equals(arn.substring(0, arn.length() - 7))) {
                return secret;
            }
        }
        throw new NotFound(id);
    }

    /** A version by id, else by stage (AWSCURRENT when neither is given). */
    synchronized Version version(String id, String versionId, String stage) {
        Secret secret = find(id);
        for (Version version : secret.versions) {
            if (versionId != null ? version.versionId().equals(versionId)
                    : version.stages().contains(stage == null ? CURRENT : stage)) {
                if (versionId != null && stage != null && !version.stages().contains(stage)) {
                    break;
                }
                return version;
            }
        }
        throw new NotFound(id + (versionId != null ? " version " + versionId : "") + (stage != null ? " stage " + stage : ""));
    }

    /**
     * Adds a version (its id the client's token, when given) carrying {@code stages}: each moves
     * to it from the version that had it; when AWSCURRENT moves, the old current becomes AWSPREVIOUS.
     * The same token with the same value again is answered with that version and changes nothing.
     */
    synchronized Version put(String id, String secretString, String clientRequestToken, List<String> stages) {
        Secret secret = find(id);
        String versionId = clientRequestToken != null ? clientRequestToken : UUID.randomUUID().toString();
        for (Version existing : secret.versions) {
            if (existing.versionId().equals(versionId)) {
                if (existing.secretString().equals(secretString)) {
                    return existing;
                }
                throw new VersionConflict(versionId);
            }
        }
        List<String> newStages = stages == null || stages.isEmpty() ? List.of(CURRENT) : List.copyOf(stages);
        List<Version> updated = new ArrayList<>();
        for (Version old : secret.versions) {
            List<String> kept = new ArrayList<>(old.stages());
            kept.removeAll(newStages);
            if (newStages.contains(CURRENT)) {
                kept.remove(PREVIOUS);
                if (old.stages().contains(CURRENT)) {
                    kept.add(PREVIOUS);
                }
            }
            updated.add(new Version(old.versionId(), old.secretString(), old.created(), List.copyOf(kept)));
        }
        Version added = new Version(versionId, secretString, Instant.now(), newStages);
        updated.add(added);
        secret.versions.clear();
        secret.versions.addAll(updated);
        save(secret);
        return added;
    }

    /** A value as GenerateSecretString describes it (length, exclusions, template and key). */
    static String generate(Template.Secret definition) {
        Map<String, Object> spec = definition.generate();
        StringBuilder alphabet = new StringBuilder();
        if (!Boolean.TRUE.equals(spec.get("ExcludeUppercase"))) {
            alphabet.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        }
        if (!Boolean.TRUE.equals(spec.get("ExcludeLowercase"))) {
            alphabet.append("abcdefghijklmnopqrstuvwxyz");
        }
        if (!Boolean.TRUE.equals(spec.get("ExcludeNumbers"))) {
            alphabet.append("0123456789");
        }
        if (!Boolean.TRUE.equals(spec.get("ExcludePunctuation"))) {
            alphabet.append(PUNCTUATION);
        }
        if (Boolean.TRUE.equals(spec.get("IncludeSpace"))) {
            alphabet.append(' ');
        }
        String excluded = String.valueOf(spec.getOrDefault("ExcludeCharacters", ""));
        String allowed = alphabet.chars().filter(c -> excluded.indexOf(c) < 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (allowed.isEmpty()) {
            throw new IllegalStateException("GenerateSecretString of " + definition.logicalId() + " excludes every character");
        }
        int length = ((Number) spec.getOrDefault("PasswordLength", 32)).intValue();
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < length; i++) {
            password.append(allowed.charAt(random.nextInt(allowed.length())));
        }
        Object key = spec.get("GenerateStringKey");
        if (key == null) {
            return password.toString();
        }
        Map<String, Object> document = new LinkedHashMap<>(
                Json.parseObject(String.valueOf(spec.getOrDefault("SecretStringTemplate", "{}"))));
        document.put(String.valueOf(key), password.toString());
        return Json.write(document);
    }

    @SuppressWarnings("unchecked")
    private boolean load(Secret secret) {
        if (dir == null || !Files.exists(file(secret))) {
            return false;
        }
        try {
            Map<String, Object> saved = Json.parseObject(Files.readString(file(secret), StandardCharsets.UTF_8));
            for (Object v : (List<Object>) saved.get("versions")) {
                Map<String, Object> version = (Map<String, Object>) v;
                secret.versions.add(new Version(String.valueOf(version.get("versionId")),
                        String.valueOf(version.get("secretString")), Instant.parse(String.valueOf(version.get("created"))),
                        ((List<Object>) version.get("stages")).stream().map(String::valueOf).toList()));
            }
            return !secret.versions.isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local secret " + file(secret), e);
        }
    }

    private void save(Secret secret) {
        if (dir == null) {
            return;
        }
        List<Map<String, Object>> versions = new ArrayList<>();
        for (Version version : secret.versions) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("versionId", version.versionId());
            v.put("secretString", version.secretString());
            v.put("created", version.created().toString());
            v.put("stages", version.stages());
            versions.add(v);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("arn", secret.arn());
        document.put("versions", versions);
        try {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.exists(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dir);
                }
            }
            // Owner-only from the start: the value never sits in a file others can read.
            Path temporary = file(secret).resolveSibling(secret.logicalId() + ".json.tmp");
            Files.deleteIfExists(temporary);
            if (posix) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(temporary, Json.write(document), StandardCharsets.UTF_8);
            Files.move(temporary, file(secret), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the local secret " + file(secret), e);
        }
    }

    private Path file(Secret secret) {
        return dir.resolve(secret.logicalId() + ".json");
    }

    /** The versions of a secret, oldest first. */
    synchronized List<Version> versions(String id) {
        return List.copyOf(find(id).versions);
    }
}
