package io.gongzhi.platform.internal;

import io.swagger.v3.oas.models.OpenAPI;
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
        return new OpenAPI().info(new Info()
                .title("Gongzhi (共治) API")
                .version(properties == null ? "dev" : properties.getVersion())
                .description("Every action of the Gongzhi pages, for department systems and other clients. "
                        + "Sign in with a session (the web login) for now; errors are RFC 9457 problem details "
                        + "with a stable `code`."));
    }
}
