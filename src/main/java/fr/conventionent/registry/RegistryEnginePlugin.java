package fr.conventionent.registry;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/** Adds the registry's history handler next to the engine's own (which still writes the history tables). */
@Component
public class RegistryEnginePlugin extends AbstractProcessEnginePlugin {

    private final RegistryHistoryEventHandler handler;

    public RegistryEnginePlugin(RegistryHistoryEventHandler handler) {
        this.handler = handler;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(handler);
        configuration.setCustomHistoryEventHandlers(handlers);
    }
}
