package io.github.ontapkafka.iscsi.ontap;

import okhttp3.Credentials;

import java.nio.charset.StandardCharsets;

/** HTTP Basic with an ONTAP account and its password. */
public final class BasicAuthentication implements Authentication {

    private final String username;
    private final String header;

    public BasicAuthentication(String username, Secret password) {
        this.username = username;
        this.header = Credentials.basic(username, password.value(), StandardCharsets.UTF_8);
    }

    @Override
    public String authorization() {
        return header;
    }

    @Override
    public String refusalHint() {
        return "check the password of ONTAP account '" + username + "' and that it has a login for the http "
                + "application with -authentication-method password";
    }

    @Override
    public String toString() {
        return "basic authentication as '" + username + "'";
    }
}
