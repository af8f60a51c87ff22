package cn.newsevents.ingest.security;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeysTest {
    private static ApiKeys keys(String spec) {
        return new ApiKeys(new SecuritySettings(spec, 1, 1));
    }

    @Test
    void keysCarryTheirPermissions() {
        ApiKeys keys = keys("k1:write, k2:read ,k3:read+write");
        assertEquals(Set.of(Permission.WRITE), keys.find("k1").orElseThrow().permissions());
        assertEquals(Set.of(Permission.READ), keys.find("k2").orElseThrow().permissions());
        assertEquals(Set.of(Permission.READ, Permission.WRITE), keys.find("k3").orElseThrow().permissions());
        assertTrue(keys.find("k4").isEmpty());
        assertTrue(keys.find("").isEmpty());
    }

    @Test
    void noConfiguredKeyAcceptsNothing() {
        assertTrue(keys("").find("anything").isEmpty());
    }

    @Test
    void entryWithoutPermissionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> keys("k1"));
        assertThrows(IllegalArgumentException.class, () -> keys("k1:root"));
    }

    @Test
    void adminPermissionIsParsed() {
        assertEquals(Set.of(Permission.ADMIN), keys("k1:admin").find("k1").orElseThrow().permissions());
    }
}
