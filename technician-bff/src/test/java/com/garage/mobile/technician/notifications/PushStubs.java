package com.garage.mobile.technician.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.garage.mobile.domain.notification.device.KeyMaterial;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stand-ins for the three push services on one WireMock server: FCM and its token endpoint over
 * plain HTTP, APNs and a Web Push service over HTTPS with HTTP/2 (a certificate made for this run
 * with the JDK's keytool, trusted by the adapters through their config). Keys are generated per
 * run; tests verify signatures with the public halves.
 */
public final class PushStubs {

    public static final String FCM_PROJECT = "garage-test";
    public static final String FCM_SEND_PATH = "/v1/projects/" + FCM_PROJECT + "/messages:send";
    public static final String FCM_CLIENT_EMAIL = "push@garage-test.iam.gserviceaccount.com";
    public static final String FCM_KEY_ID = "fcm-key-1";
    public static final String ACCESS_TOKEN = "ya29.stub-access-token";
    public static final String APNS_TEAM = "TEAM123456";
    public static final String APNS_KEY_ID = "APNSKEY001";
    public static final String VAPID_SUBJECT = "mailto:push@garage.example";

    public final WireMockServer server;
    public final KeyPair fcmKeys;
    public final KeyPair apnsKeys;
    public final KeyPair vapidKeys;
    private final Path certificate;

    private PushStubs(WireMockServer server, Path certificate) throws GeneralSecurityException {
        this.server = server;
        this.certificate = certificate;
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        this.fcmKeys = rsa.generateKeyPair();
        this.apnsKeys = ecKeyPair();
        this.vapidKeys = ecKeyPair();
    }

    static PushStubs start() {
        try {
            Path directory = Files.createTempDirectory("push-stubs");
            Path keystore = directory.resolve("stub.p12");
            Path certificate = directory.resolve("stub.pem");
            generateCertificate(keystore, certificate);
            WireMockServer server = new WireMockServer(options().dynamicPort().dynamicHttpsPort()
                    .keystorePath(keystore.toString()).keystorePassword("changeit").keyManagerPassword("changeit")
                    .keystoreType("PKCS12"));
            server.start();
            PushStubs stubs = new PushStubs(server, certificate);
            stubs.reset();
            return stubs;
        } catch (IOException | GeneralSecurityException | InterruptedException e) {
            throw new IllegalStateException("Cannot start the push stubs", e);
        }
    }

    void stop() {
        server.stop();
    }

    Map<String, String> providerConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("garage.push.fcm.project-id", FCM_PROJECT);
        config.put("garage.push.fcm.client-email", FCM_CLIENT_EMAIL);
        config.put("garage.push.fcm.private-key", pem("PRIVATE KEY", fcmKeys.getPrivate().getEncoded()));
        config.put("garage.push.fcm.private-key-id", FCM_KEY_ID);
        config.put("garage.push.fcm.token-uri", httpUrl() + "/token");
        config.put("garage.push.fcm.base-url", httpUrl());
        config.put("garage.push.apns.team-id", APNS_TEAM);
        config.put("garage.push.apns.key-id", APNS_KEY_ID);
        config.put("garage.push.apns.private-key", pem("PRIVATE KEY", apnsKeys.getPrivate().getEncoded()));
        config.put("garage.push.apns.base-url", httpsUrl());
        config.put("garage.push.apns.trust-certificate", certificate.toString());
        config.put("garage.push.web.vapid-public-key", KeyMaterial.base64Url(KeyMaterial.rawPoint((ECPublicKey) vapidKeys.getPublic())));
        config.put("garage.push.web.vapid-private-key", KeyMaterial.base64Url(scalar((ECPrivateKey) vapidKeys.getPrivate())));
        config.put("garage.push.web.subject", VAPID_SUBJECT);
        config.put("garage.push.web.allowed-hosts", "localhost");
        config.put("garage.push.web.trust-certificate", certificate.toString());
        return config;
    }

    /** Every service accepts everything; tests then make a token fail or a service fall over. */
    public void reset() {
        server.resetAll();
        server.stubFor(post(urlEqualTo("/token")).willReturn(okJson(
                "{\"access_token\": \"" + ACCESS_TOKEN + "\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}")));
        server.stubFor(post(urlEqualTo(FCM_SEND_PATH)).atPriority(10)
                .willReturn(okJson("{\"name\": \"projects/" + FCM_PROJECT + "/messages/0:1500415314455276%31bd1c9\"}")));
        server.stubFor(post(urlPathMatching("/3/device/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("apns-id", "EC1BF194-B3B2-424A-89A9-5A918A6E6B5C")));
        server.stubFor(post(urlPathMatching("/push/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(201).withHeader("Location", httpsUrl() + "/message/1")));
    }

    /** FCM answers this for the token, before its default answer. */
    public void fcmAnswers(String token, ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlEqualTo(FCM_SEND_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.message.token", equalTo(token))).willReturn(answer));
    }

    public void apnsAnswers(String token, ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlEqualTo("/3/device/" + token)).atPriority(1).willReturn(answer));
    }

    public void webPushAnswers(String path, ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlEqualTo(path)).atPriority(1).willReturn(answer));
    }

    /** Replaces a stub in place, e.g. to end an outage. */
    public void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    public List<LoggedRequest> fcmRequestsFor(String token) {
        return server.findAll(postRequestedFor(urlEqualTo(FCM_SEND_PATH))
                .withRequestBody(matchingJsonPath("$.message.token", equalTo(token))));
    }

    public List<LoggedRequest> requestsTo(String path) {
        return server.findAll(postRequestedFor(urlEqualTo(path)));
    }

    public String httpUrl() {
        return "http://localhost:" + server.port();
    }

    public String httpsUrl() {
        return "https://localhost:" + server.httpsPort();
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The 32-byte scalar of a P-256 private key, as VAPID tools print it. */
    static byte[] scalar(ECPrivateKey key) {
        byte[] raw = key.getS().toByteArray();
        byte[] scalar = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, scalar, 32 - length, length);
        return scalar;
    }

    static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        return ec.generateKeyPair();
    }

    /** A self-signed certificate for localhost, made with the JDK's keytool, and its PEM. */
    private static void generateCertificate(Path keystore, Path certificate)
            throws IOException, InterruptedException, GeneralSecurityException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "stub", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        Files.writeString(certificate, pem("CERTIFICATE", store.getCertificate("stub").getEncoded()));
    }
}
