package cnnplayground.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.engine.EngineInfo.GpuSupport;
import org.junit.jupiter.api.Test;

class GpuSupportTest {

    @Test
    void should_advise_the_cuda_build_when_a_driver_meets_a_cpu_libtorch() {
        GpuSupport support = GpuSupport.assess(true, false, 0);

        assertEquals(GpuSupport.DRIVER_BUT_CPU_LIBTORCH, support);
        assertTrue(support.advice().orElseThrow().contains("mvn -Pcuda package"), support.advice().orElseThrow());
    }

    @Test
    void should_say_nothing_without_a_driver_whatever_the_libtorch() {
        assertEquals(GpuSupport.NO_DRIVER, GpuSupport.assess(false, false, 0));
        assertEquals(GpuSupport.NO_DRIVER, GpuSupport.assess(false, true, 0));
        assertTrue(GpuSupport.NO_DRIVER.advice().isEmpty());
    }

    @Test
    void should_train_on_the_gpu_when_pytorch_sees_one() {
        assertEquals(GpuSupport.GPU, GpuSupport.assess(true, true, 1));
        assertEquals(GpuSupport.GPU, GpuSupport.assess(true, true, 8));
        // the driver check can miss a setup that CUDA still finds; the GPU count is what counts
        assertEquals(GpuSupport.GPU, GpuSupport.assess(false, true, 1));
        assertTrue(GpuSupport.GPU.advice().isEmpty());
    }

    @Test
    void should_not_send_a_cuda_build_back_to_be_rebuilt_when_it_sees_no_gpu() {
        GpuSupport support = GpuSupport.assess(true, true, 0);

        assertEquals(GpuSupport.DRIVER_BUT_NO_GPU_SEEN, support);
        String advice = support.advice().orElseThrow();
        assertTrue(advice.contains("nvidia-smi") && !advice.contains("-Pcuda"), advice);
    }

    @Test
    void should_assess_this_machine_when_the_engine_loads() {
        TorchEnvironment env = TorchEnvironment.load();

        if (!NvidiaDriver.detect().present()) {
            // the machines that build this project: nothing to advise
            assertEquals(GpuSupport.NO_DRIVER, env.gpuSupport());
        } else {
            assertEquals(env.isGpu(), env.gpuSupport() == GpuSupport.GPU, env.gpuSupport().name());
        }
    }
}
