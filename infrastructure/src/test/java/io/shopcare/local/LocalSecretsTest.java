package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local secrets: generated as GenerateSecretString says, rotated with stages, kept owner-only in the data dir. */
class LocalSecretsTest {
    private static final String ARN = "arn:aws:secretsmanager:eu-central-1:000000000000:secret:LinkKeys-AbCdEf";
    private static final Template.Secret LINK_KEYS = new Template.Secret("LinkKeys", "LinkKeys", ARN, "keys",
            Map.of("SecretStringTemplate", "{\"current\": \"k1\"}", "GenerateStringKey", "k1", "PasswordLength", 64,
                    "ExcludePunctuation", true), null);

    @Test
    void aGeneratedValueFollowsGenerateSecretString() {
        Map<String, Object> value = Json.parseObject(LocalSecrets.generate(LINK_KEYS));
        assertEquals("k1", value.get("current"));
        String key = (String) value.get("k1");
        assertTrue(key.matches("[A-Za-z0-9]{64}"), key);

        Template.Secret narrow = new Template.Secret("Pin", "Pin", ARN, null, Map.of("PasswordLength", 200,
                "ExcludeUppercase", true, "ExcludeLowercase", true, "ExcludePunctuation", true, "ExcludeCharacters", "0123"),
                null);
        String pin = LocalSecrets.generate(narrow);
        assertTrue(pin.matches("[4-9]{200}"), "no key: the bare password, only the characters left: " + pin);
        assertNotEquals(LocalSecrets.generate(LINK_KEYS), LocalSecrets.generate(LINK_KEYS));
    }

    @Test
    void aPutMakesTheNewValueCurrentAndTheOldOnePreviousAndATokenIsIdempotent() {
        LocalSecrets secrets = LocalSecrets.open(List.of(LINK_KEYS), null);
        String first = secrets.version("LinkKeys", null, null).secretString();

        LocalSecrets.Version second = secrets.put("LinkKeys", "{\"current\": \"k2\"}", "token-2", null);
        assertEquals(List.of("AWSCURRENT"), second.stages());
        assertEquals("{\"current\": \"k2\"}", secrets.version("LinkKeys", null, null).secretString());
        assertEquals(first, secrets.version("LinkKeys", null, "AWSPREVIOUS").secretString());

        assertSame(second, secrets.put("LinkKeys", "{\"current\": \"k2\"}", "token-2", null), "the same request again");
        assertThrows(LocalSecrets.VersionConflict.class, () -> secrets.put("LinkKeys", "other", "token-2", null));

        secrets.put("LinkKeys", "{\"current\": \"k3\"}", null, null);
        assertEquals("{\"current\": \"k2\"}", secrets.version("LinkKeys", null, "AWSPREVIOUS").secretString());
        assertEquals(List.of(), secrets.versions("LinkKeys").get(0).stages(), "the oldest keeps no label");
        assertEquals("{\"current\": \"k2\"}", secrets.version("LinkKeys", "token-2", null).secretString(), "by version id");
        assertThrows(LocalSecrets.NotFound.class, () -> secrets.version("LinkKeys", "token-2", "AWSCURRENT"));
    }

    @Test
    void aSecretAnswersToItsLogicalIdNameArnAndPartialArnOnly() {
        LocalSecrets secrets = LocalSecrets.open(List.of(new Template.Secret("LinkKeys", "shop/link-keys", ARN, null,
                Map.of(), "{\"current\": \"k1\", \"k1\": \"x\"}")), null);
        for (String id : List.of("LinkKeys", "shop/link-keys", ARN, ARN.substring(0, ARN.length() - 7))) {
            assertEquals("{\"current\": \"k1\", \"k1\": \"x\"}", secrets.version(id, null, null).secretString(), id);
        }
        assertThrows(LocalSecrets.NotFound.class, () -> secrets.find("OtherSecret"));
        assertThrows(LocalSecrets.NotFound.class, () -> secrets.find(ARN + "x"));
    }

    @Test
    void withADataDirTheValuesAndRotationsSurviveARestartInOwnerOnlyFiles(@TempDir Path dataDir) throws Exception {
        LocalSecrets before = LocalSecrets.open(List.of(LINK_KEYS), dataDir);
        String generated = before.version("LinkKeys", null, null).secretString();
        before.put("LinkKeys", "{\"current\": \"k2\"}", null, null);

        LocalSecrets after = LocalSecrets.open(List.of(LINK_KEYS), dataDir);
        assertEquals("{\"current\": \"k2\"}", after.version("LinkKeys", null, null).secretString());
        assertEquals(generated, after.version("LinkKeys", null, "AWSPREVIOUS").secretString(), "not generated anew");

        Path file = dataDir.resolve("secrets/LinkKeys.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertFalse(Files.exists(dataDir.resolve("secrets/LinkKeys.json.tmp")));
    }
}
