package io.gongzhi.identity.web;

import io.gongzhi.identity.internal.SignInRecorder;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

import java.sql.SQLTransientConnectionException;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * A password that could not be checked (the accounts could not be read: the database away) was not
 * refused: it is not answered "wrong username or password", nor counted towards the lock, nor audited
 * as a failed sign-in, but goes on to be answered as what it is (503, see DatabaseOutageTests).
 */
class LoginFailureTests {

    final SignInRecorder recorder = mock(SignInRecorder.class);
    final SignInFlow signIn = new SignInFlow(null, recorder, null, Clock.systemUTC());

    static MockHttpServletRequest attempt() {
        var request = new MockHttpServletRequest("POST", "/login");
        request.setParameter("username", "community");
        return request;
    }

    @Test
    void aPasswordThatCouldNotBeCheckedIsNotAWrongPassword() {
        var unchecked = new InternalAuthenticationServiceException("accounts could not be read",
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("The database has been unreachable since …", "08001")));
        var response = new MockHttpServletResponse();
        assertThatThrownBy(() -> LoginController.rememberingUsername(signIn).onAuthenticationFailure(attempt(), response, unchecked))
                .isSameAs(unchecked);
        assertThat(response.getRedirectedUrl()).isNull();
        verify(recorder, never()).failed(anyString(), any(), anyString());
    }

    @Test
    void aWrongPasswordIsStillOne() throws Exception {
        var wrong = new BadCredentialsException("Bad credentials");
        var response = new MockHttpServletResponse();
        LoginController.rememberingUsername(signIn).onAuthenticationFailure(attempt(), response, wrong);
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");
        verify(recorder).failed("community", wrong, "password");
    }
}
