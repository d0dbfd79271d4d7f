package dev.vigil.alerting.am.inhibit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.alerting.am.config.ConfigLoader;
import dev.vigil.exporter.yaml.ConfigException;
import dev.vigil.model.Labels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InhibitorTest {
    private static final String RULES = """
            route: {receiver: r}
            receivers: [{name: r}]
            inhibit_rules:
              - source_matchers: [severity=critical]
                target_matchers: [severity=warning]
                equal: [alertname, cluster]
              - source_match: {alertname: NodeDown}
                target_match_re: {alertname: 'Node.+'}
                equal: [instance]
              - source_matchers: [kind=both]
                target_matchers: [kind=both]
            """;

    /** target ; firing alerts (separated by " / ") ; inhibited by (index into firing, or -). */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "alertname=A cluster=c1 severity=warning; alertname=A cluster=c1 severity=critical; 0",
        "alertname=A cluster=c1 severity=warning; alertname=A cluster=c2 severity=critical; -",
        "alertname=A severity=warning; alertname=A severity=critical; 0",               // missing == missing
        "alertname=A severity=warning; alertname=A cluster=c1 severity=critical; -",    // missing != c1
        "alertname=A cluster=c1 severity=critical; alertname=A cluster=c1 severity=critical; -",
        "alertname=A cluster=c1 severity=warning; alertname=B cluster=c1 severity=critical / alertname=A cluster=c1 severity=critical; 1",
        "alertname=NodeDiskFull instance=a; alertname=NodeDown instance=a; 0",
        "alertname=NodeDown instance=a; alertname=NodeDown instance=a; -",             // on both sides: an alert does not inhibit itself
        "alertname=Node instance=a; alertname=NodeDown instance=a; -",                 // Node.+ needs a character after Node
        "alertname=NodeDiskFull instance=b; alertname=NodeDown instance=a; -",
        "alertname=X kind=both; alertname=Y kind=both; -",                             // both sides: never muted by another both-sided alert
        "alertname=X; alertname=Y kind=both; -",
    })
    void table(String target, String firing, String by) throws ConfigException {
        Inhibitor inhibitor = new Inhibitor(ConfigLoader.parse("rules.yml", RULES, null).inhibitRules());
        List<Labels> alerts = new ArrayList<>();
        for (String a : firing.split(" / ")) {
            alerts.add(labels(a));
        }
        Object expected = by.equals("-") ? "-" : alerts.get(Integer.parseInt(by));
        assertEquals(expected, inhibitor.inhibitedBy(labels(target), alerts).<Object>map(l -> l).orElse("-"));
    }

    static Labels labels(String text) {
        Labels.Builder b = Labels.builder();
        for (String pair : text.strip().split(" +")) {
            String[] kv = pair.split("=", 2);
            b.set(kv[0], kv[1]);
        }
        return b.build();
    }
}
