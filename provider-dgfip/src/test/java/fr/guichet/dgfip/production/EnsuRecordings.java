package fr.guichet.dgfip.production;

import com.github.tomakehurst.wiremock.WireMockServer;

/** ENSU DOCUMENTS upstream recordings (filled with the ENSU adapter). */
final class EnsuRecordings {

    private EnsuRecordings() {
    }

    static void register(WireMockServer server) {
    }
}
