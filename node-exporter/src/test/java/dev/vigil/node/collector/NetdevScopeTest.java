package dev.vigil.node.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** node_exporter's address scope, after Go's net.IP predicates. */
class NetdevScopeTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, link-local", "169.254.1.1, link-local", "224.0.0.251, link-local", "192.0.2.2, global",
        "10.1.2.3, global", "0.0.0.0, ''", "255.255.255.255, ''", "239.1.1.1, ''",
        "::1, link-local", "fe80::1, link-local", "ff02::1, link-local", "ff01::1, interface-local",
        "fd00::2, global", "2001:db8::1, global", ":: , ''", "ff05::2, ''",
    })
    void scopesAddressesAsNodeExporter(String address, String scope) throws Exception {
        assertEquals(scope, NetdevCollector.scope(InetAddress.getByName(address).getAddress()));
    }
}
