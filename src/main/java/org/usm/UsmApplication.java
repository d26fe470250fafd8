package org.usm;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.usm.clock.UsmClock;
import org.usm.definition.ServiceCatalog;
import org.usm.link.LinkSettings;

/** USM process automation: the five universal processes and eight workflow patterns on Camunda 7. */
@SpringBootApplication
@EnableConfigurationProperties({ServiceCatalog.Locations.class, LinkSettings.class})
public class UsmApplication {

  public static void main(String[] args) {
    SpringApplication.run(UsmApplication.class, args);
  }

  /** The clock of intake, SLA computation, registers and figures: the engine's (see {@link UsmClock}). */
  @Bean
  public Clock clock() {
    return UsmClock.clock(ZoneId.systemDefault());
  }
}
