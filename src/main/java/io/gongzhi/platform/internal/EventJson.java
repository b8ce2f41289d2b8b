package io.gongzhi.platform.internal;

import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events as JSON in the event publication registry, with the application's mapper looked up once
 * (Spring Modulith's own serializer asks the context for it on every event, on the thread that
 * took the step). The same JSON as Spring Modulith writes, so rows written by either read back.
 */
final class EventJson implements EventSerializer {

    private final JsonMapper mapper;

    EventJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Object serialize(Object event) {
        return mapper.writeValueAsString(event);
    }

    @Override
    public <T> T deserialize(Object serialized, Class<T> type) {
        return mapper.readerFor(type).readValue(serialized.toString());
    }
}
