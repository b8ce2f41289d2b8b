package io.gongzhi.platform.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and version clients see at the top of {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    @Bean
    OpenAPI gongzhiApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        var token = new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("gzt_…")
                .description("An API token from My account (POST /api/me/tokens): the account's jurisdiction, the token's permissions");
        var session = new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE).name("SESSION")
                .description("The web sign-in's session; changing requests also need the X-CSRF-TOKEN header");
        return new OpenAPI().info(new Info()
                        .title("Gongzhi (共治) API")
                        .version(properties == null ? "dev" : properties.getVersion())
                        .description("Every action of the Gongzhi pages, for department systems and other clients. "
                                + "Machine clients send an API token (`Authorization: Bearer gzt_…`); each call is checked "
                                + "against the account's permissions and jurisdiction, and data outside the jurisdiction "
                                + "answers 404 like data that does not exist. Errors are RFC 9457 problem details with a "
                                + "stable `code`."))
                .components(new Components().addSecuritySchemes("token", token).addSecuritySchemes("session", session))
                .addSecurityItem(new SecurityRequirement().addList("token"))
                .addSecurityItem(new SecurityRequirement().addList("session"));
    }
}
