import { Module } from '@nestjs/common';
import { PresetsController, StagesController } from './stages.controller';

@Module({ controllers: [StagesController, PresetsController] })
export class StagesModule {}
