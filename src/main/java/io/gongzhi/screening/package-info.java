/** Door-to-door screening (排查): campaigns over a jurisdiction, rounds, visit forms and anomaly rules as data, a task per household, visits from phones kept once however often they are sent, and coverage at every level. */
package io.gongzhi.screening;
