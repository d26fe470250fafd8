package org.usm.engine;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, which {@link org.usm.clock.UsmClock} follows: moved by hand only to write history
 * that happened in the past (the demo's calls, see {@link #replay}). Nothing else moves it.
 */
public final class EngineTime {

  private EngineTime() {}

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static void setNow(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }

  /**
   * Runs work that writes the past: the job executor paused, so that a timer fires only when the work
   * fires it at the moment it was due, and afterwards the clock back at the real time and the job
   * executor running again.
   */
  public static void replay(ProcessEngine engine, Runnable work) {
    JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    boolean running = jobs != null && jobs.isActive();
    if (running) {
      jobs.shutdown();
    }
    try {
      work.run();
    } finally {
      ClockUtil.reset();
      if (running) {
        jobs.start();
      }
    }
  }
}
