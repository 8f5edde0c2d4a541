package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.apptrack.appid.NamesCatalog;
import org.junit.jupiter.api.Test;

class MiningDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    @Test
    void stratumEthereumAndMoneroLogins() {
        DissectorHarness h = DissectorHarness.tcp(new MiningDissector(catalog), 3333);
        assertEquals(IDENTIFIED, h.client("{\"id\": 1, \"method\": \"mining.subscribe\", \"params\": [\"cgminer/4.10\"]}\n"));
        assertEquals("MINING", catalog.application(h.out.application()));
        assertEquals(IDENTIFIED, DissectorHarness.tcp(new MiningDissector(catalog), 8008).client(
                "{\"worker\": \"w1\", \"jsonrpc\": \"2.0\", \"params\": [\"0xabc\", \"x\"], \"id\": 2, \"method\": \"eth_submitLogin\"}\n"));
        assertEquals(IDENTIFIED, DissectorHarness.tcp(new MiningDissector(catalog), 9050).client(
                "{\"method\":\"login\",\"params\":{\"login\":\"4B\",\"pass\":\"x\",\"agent\":\"xmrig/6.21\"},\"id\":1}\n"));
    }

    @Test
    void otherJsonRpcIsNotMining() {
        assertEquals(NOT_THIS, DissectorHarness.tcp(new MiningDissector(catalog), 8545).client(
                "{\"jsonrpc\":\"2.0\",\"method\":\"eth_blockNumber\",\"params\":[],\"id\":1}"));
        assertEquals(NOT_THIS, DissectorHarness.tcp(new MiningDissector(catalog), 8080).client(
                "{\"method\":\"login\",\"params\":{\"login\":\"alice\",\"pass\":\"secret\"}}"), "a login without a miner agent");
        assertEquals(NOT_THIS, DissectorHarness.tcp(new MiningDissector(catalog), 3333).server(
                "{\"id\":1,\"method\":\"mining.notify\",\"params\":[]}"), "the pool does not speak first");
    }
}
