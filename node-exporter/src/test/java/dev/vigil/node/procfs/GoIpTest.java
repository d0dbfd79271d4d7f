package dev.vigil.node.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoIpTest {

    /** Expected strings are Go's net.IP.String() output for the same addresses. */
    @ParameterizedTest
    @CsvSource({
        "192.168.0.22, 192.168.0.22",
        "::, ::",
        "::1, ::1",
        "2620:0:0:0:0:0:0:1, 2620::1",
        "fe80:0:0:0:fc:ff:fe00:1, fe80::fc:ff:fe00:1",
        "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:1:0:1:1:1:1, 2001:db8:1:0:1:1:1:1",
        "1:0:0:0:0:0:0:0, 1::",
        "fd00:0:0:0:0:0:0:2, fd00::2",
    })
    void writesAddressesAsGoDoes(String address, String expected) throws Exception {
        byte[] bytes = InetAddress.getByName(address).getAddress();
        if (bytes.length == 4 && address.contains(":")) {
            throw new IllegalStateException("Java mapped " + address);
        }
        assertEquals(expected, GoIp.format(bytes));
    }

    @ParameterizedTest
    @CsvSource({"0a000002, 10.0.0.2"})
    void writesMappedAddressesDotted(String v4hex, String expected) {
        byte[] ip = new byte[16];
        ip[10] = (byte) 0xff;
        ip[11] = (byte) 0xff;
        for (int i = 0; i < 4; i++) {
            ip[12 + i] = (byte) Integer.parseInt(v4hex.substring(2 * i, 2 * i + 2), 16);
        }
        assertEquals(expected, GoIp.format(ip));
        assertEquals("<nil>", GoIp.format(new byte[0]));
    }
}
